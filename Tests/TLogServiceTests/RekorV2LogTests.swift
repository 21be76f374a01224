import Crypto
import Foundation
import LogEngine
import Merkle
import SignedNote
import SigstoreCrypto
import SigstoreModels
import TLogService
import Testing

@Suite struct RekorV2LogTests {
    private func logArtifact(_ artifact: String, signer: TestSigner, in log: TestLog) async throws -> (request: [UInt8], entry: TransparencyLogEntry) {
        let digest = Array(SHA256.hash(data: Array(artifact.utf8)))
        let signature = try signer.key.signature(forDigest: digest, hash: .sha256)
        let request = Requests.hashedRekordV2(signature: signature, certificateDER: signer.certificateDER, digest: digest)
        let response = try await log.v2.createEntry(jsonRequest: request)
        return (request, try ProtoJSON.decode(TransparencyLogEntry.self, from: response))
    }

    @Test func hashedRekordV2AnswersAVerifiableEntryWithTheExactCanonicalBody() async throws {
        let log = try await TestLog()
        let signer = try TestSigner()
        let digest = Array(SHA256.hash(data: Array("hello v2".utf8)))
        let signature = try signer.key.signature(forDigest: digest, hash: .sha256)
        let response = try await log.v2.createEntry(jsonRequest: Requests.hashedRekordV2(signature: signature, certificateDER: signer.certificateDER, digest: digest))
        let text = String(decoding: response, as: UTF8.self)
        #expect(!text.contains("inclusionPromise") && !text.contains("integratedTime"))
        let entry = try ProtoJSON.decode(TransparencyLogEntry.self, from: response)
        // What sigstore-go rebuilds from the bundle (interop contract §5.3), byte for byte.
        let expected = #"{"apiVersion":"0.0.2","kind":"hashedrekord","spec":{"hashedRekordV002":{"data":{"algorithm":"SHA2_256","digest":"\#(digest.base64)"},"signature":{"content":"\#(signature.base64)","verifier":{"keyDetails":"PKIX_ECDSA_P256_SHA_256","x509Certificate":{"rawBytes":"\#(signer.certificateDER.base64)"}}}}}}"#
        #expect(String(decoding: entry.canonicalizedBody, as: UTF8.self) == expected)
        #expect(entry.kindVersion == .init(kind: "hashedrekord", version: "0.0.2"))
        #expect(entry.logIndex == 0)
        let verifier = try RekorNoteVerifier(name: TestLog.host, publicKey: log.v2Key.publicKey, flavour: .v2)
        #expect(entry.logId.keyId == verifier.logID.bytes)
        let proof = try #require(entry.inclusionProof)
        try InclusionProof(leafIndex: UInt64(proof.logIndex), treeSize: UInt64(proof.treeSize), hashes: proof.hashes)
            .verify(leafHash: MerkleHash.leaf(entry.canonicalizedBody), rootHash: proof.rootHash)
        let note = try Note(parsing: try #require(proof.checkpoint).envelope)
        try note.verify(with: [verifier])
        let checkpoint = try Checkpoint(note: note)
        #expect(checkpoint.origin == TestLog.host && checkpoint.rootHash == proof.rootHash)
    }

    @Test func v2EntriesAreSearchable() async throws {
        let log = try await TestLog()
        let signer = try TestSigner(email: "V2@Signet.test")
        _ = try await logArtifact("searchable", signer: signer, in: log)
        let digest = Array(SHA256.hash(data: Array("searchable".utf8))).hex
        #expect(try await log.v2.reader.indices(matching: SearchKey(.artifactSHA256, digest)) == [0])
        #expect(try await log.v2.reader.indices(matching: SearchKey(.identity, "v2@signet.test")) == [0])
        #expect(try await log.v2.reader.indices(matching: SearchKey(.publicKeyFingerprint, signer.key.publicKey.keyID.hex)) == [0])
    }

    @Test func duplicateCarriesTheExistingIndex() async throws {
        let log = try await TestLog()
        let signer = try TestSigner()
        _ = try await logArtifact("first", signer: signer, in: log)
        let (request, _) = try await logArtifact("second", signer: signer, in: log)
        await #expect {
            _ = try await log.v2.createEntry(jsonRequest: request)
        } throws: { error in
            (error as? RekorError)?.code == .duplicate && (error as? RekorError)?.existingIndex == 1
        }
    }

    @Test(arguments: [
        ("wrong keyDetails", "PKIX_ECDSA_P384_SHA_384", 32, false),
        ("digest length", "PKIX_ECDSA_P256_SHA_256", 48, false),
        ("bad signature", "PKIX_ECDSA_P256_SHA_256", 32, true),
        ("unknown keyDetails", "PKIX_NOT_A_KEY", 32, false),
    ])
    func hostileRequestsAreRefusedAndLeaveTheLogUnchanged(_ name: String, _ keyDetails: String, _ digestLength: Int, _ corrupt: Bool) async throws {
        let log = try await TestLog()
        let signer = try TestSigner()
        let digest = Array(SHA512.hash(data: [1, 2, 3]).prefix(digestLength))
        var signature = try signer.key.signature(forDigest: Array(digest.prefix(32)), hash: .sha256)
        if corrupt { signature[signature.count - 1] ^= 1 }
        await #expect(throws: RekorError.self, "\(name)") {
            _ = try await log.v2.createEntry(jsonRequest: Requests.hashedRekordV2(signature: signature, certificateDER: signer.certificateDER, digest: digest, keyDetails: keyDetails))
        }
        #expect(try await log.v2.reader.latestTreeHead().size == 0)
    }

    @Test func ed25519KeysAreRefusedWithAClearMessage() async throws {
        let log = try await TestLog()
        let key = try PrivateKey.generate(.ed25519)
        let digest = Array(SHA512.hash(data: [1]))
        for details in ["PKIX_ED25519", "PKIX_ED25519_PH"] {
            await #expect {
                _ = try await log.v2.createEntry(jsonRequest: Requests.hashedRekordV2(signature: Array(repeating: 1, count: 64), publicKeyDER: key.publicKey.derRepresentation, digest: digest, keyDetails: details))
            } throws: { error in
                (error as? RekorError)?.code == .invalidEntry && (error as? RekorError)?.message.contains("ED25519") == true
            }
        }
        let unknownMember = Array(#"{"hashedRekordRequestV002":{},"surprise":true}"#.utf8)
        await #expect(throws: RekorError.self) { _ = try await log.v2.createEntry(jsonRequest: unknownMember) }
    }

    @Test func p384PublicKeyEntriesUseSHA384() async throws {
        let log = try await TestLog()
        let key = try PrivateKey.generate(.ecdsaP384)
        let digest = Array(SHA384.hash(data: Array("p384".utf8)))
        let signature = try key.signature(forDigest: digest, hash: .sha384)
        let response = try await log.v2.createEntry(jsonRequest: Requests.hashedRekordV2(signature: signature, publicKeyDER: key.publicKey.derRepresentation, digest: digest, keyDetails: "PKIX_ECDSA_P384_SHA_384"))
        let entry = try ProtoJSON.decode(TransparencyLogEntry.self, from: response)
        #expect(String(decoding: entry.canonicalizedBody, as: UTF8.self).contains(#""algorithm":"SHA2_384""#))
    }

    @Test func tilesMatchTheReaderAndRebuildTheCheckpointRoot() async throws {
        let log = try await TestLog()
        let signer = try TestSigner()
        var bodies: [[UInt8]] = []
        for index in 0..<5 {
            bodies.append(try await logArtifact("tile-\(index)", signer: signer, in: log).entry.canonicalizedBody)
        }
        let checkpointText = String(decoding: try await log.v2.checkpoint().body, as: UTF8.self)
        let checkpoint = try Checkpoint(note: try Note(parsing: checkpointText))
        #expect(checkpoint.treeSize == 5)
        let tile = try await log.v2.tile(path: "tile/0/000.p/5")
        #expect(!tile.isImmutable)
        #expect(tile.body == (try await log.v2.reader.tileData(for: try Tile(path: "tile/0/000.p/5"), treeSize: 5)))
        let leafHashes = try Tile(path: "tile/0/000.p/5").hashes(fromTileData: tile.body)
        #expect(leafHashes == bodies.map { MerkleHash.leaf($0) })
        #expect(try MerkleHash.root(ofLeafHashes: leafHashes) == checkpoint.rootHash)
        let bundle = try await log.v2.tile(path: "tile/entries/000.p/5")
        #expect(try EntryBundle.decode(bundle.body, width: 5) == bodies)
        // An older partial tile is still served; tiles beyond the tree and bad paths are not.
        #expect(try await log.v2.tile(path: "tile/0/000.p/3").body == Array(tile.body.prefix(96)))
        for path in ["tile/0/000", "tile/0/000.p/6", "tile/entries/001", "tile/0/0", "tile/x"] {
            await #expect(throws: RekorError.self, "\(path)") { _ = try await log.v2.tile(path: path) }
        }
    }
}
