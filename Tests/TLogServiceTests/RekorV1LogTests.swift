import Crypto
import Foundation
import LogEngine
import Merkle
import SignedNote
import SigstoreCrypto
import SigstoreModels
import TLogService
import Testing

@Suite struct RekorV1LogTests {
    /// Logs a hashedrekord signed by `signer` over `artifact` and returns the parsed response.
    private func logArtifact(_ artifact: String, signer: TestSigner, in log: TestLog) async throws -> (RekorV1Log.CreatedEntry, RekorV1.LogEntryResponse) {
        let digest = Array(SHA256.hash(data: Array(artifact.utf8)))
        let signature = try signer.key.signature(forDigest: digest, hash: .sha256)
        let created = try await log.v1.createEntry(jsonRequest: Requests.hashedRekord(signature: signature, verifierPEM: signer.certificatePEM, digest: digest))
        return (created, try RekorV1.LogEntryResponse(decoding: created.body))
    }

    @Test func hashedRekordIsLoggedWithProofCheckpointAndSET() async throws {
        let log = try await TestLog()
        let signer = try TestSigner()
        let (created, response) = try await logArtifact("hello", signer: signer, in: log)
        let entry = response.entry
        let body = try #require(entry.bodyBytes)
        #expect(created.uuid == MerkleHash.leaf(body).hex)
        #expect(response.uuid.hasSuffix(created.uuid) && response.uuid.count == 80)
        #expect(entry.logID == log.v1Key.publicKey.keyID.hex)
        #expect(entry.logIndex == 0)
        #expect(entry.integratedTime == 1_767_225_600)
        // The stored body carries the certificate as canonical PEM.
        guard case .hashedRekordV001(let spec) = try RekorEntry(decoding: body) else {
            Issue.record("not a hashedrekord body")
            return
        }
        #expect(String(decoding: spec.publicKey, as: UTF8.self) == signer.certificatePEM)
        #expect(try RekorEntry(decoding: body).canonicalBody() == body)
        // Inclusion proof against the checkpoint, verified with a trusted-root-style verifier.
        let proof = try #require(entry.verification?.inclusionProof)
        try InclusionProof(leafIndex: UInt64(proof.logIndex), treeSize: UInt64(proof.treeSize), hashes: proof.hashes)
            .verify(leafHash: MerkleHash.leaf(body), rootHash: proof.rootHash)
        let verifier = try RekorNoteVerifier(name: TestLog.host, publicKey: log.v1Key.publicKey, flavour: .v1)
        #expect(verifier.logID.bytes == log.v1Key.publicKey.keyID)
        let note = try Note(parsing: proof.checkpoint)
        try note.verify(with: [verifier], policy: .everyLineByKnownKey)
        let checkpoint = try Checkpoint(note: note)
        #expect(checkpoint.origin == "\(TestLog.host) - \(TestLog.treeID)")
        #expect(checkpoint.rootHash == proof.rootHash && checkpoint.treeSize == UInt64(proof.treeSize))
        // SET over the canonical four members, with the log key.
        let set = try #require(entry.verification?.signedEntryTimestamp.flatMap { Data(base64Encoded: $0) })
        #expect(log.v1Key.publicKey.isValidSignature(set, for: try entry.signedEntryTimestampPayload()))
    }

    @Test func duplicateIsRefusedWithTheExistingEntry() async throws {
        let log = try await TestLog()
        let signer = try TestSigner()
        let digest = Array(SHA256.hash(data: Array("once".utf8)))
        // ECDSA signatures are randomised: only the very same request is the same entry.
        let request = Requests.hashedRekord(signature: try signer.key.signature(forDigest: digest, hash: .sha256), verifierPEM: signer.certificatePEM, digest: digest)
        let created = try await log.v1.createEntry(jsonRequest: request)
        await #expect {
            _ = try await log.v1.createEntry(jsonRequest: request)
        } throws: { error in
            guard let error = error as? RekorError else { return false }
            return error.code == .duplicate && error.existingUUID == created.uuid && error.existingIndex == 0
        }
        #expect(try await log.v1.reader.latestTreeHead().size == 1)
    }

    @Test func dsseEntryVerifiesEverySignatureOverThePAE() async throws {
        let log = try await TestLog()
        let signer = try TestSigner()
        let payload = Array(#"{"_type":"https://in-toto.io/Statement/v1","subject":[]}"#.utf8)
        let pae = DSSE.preAuthEncoding(payloadType: DSSE.inTotoPayloadType, payload: payload)
        let signature = try signer.key.signature(for: pae)
        let envelope = #"{"payload":"\#(payload.base64)","payloadType":"\#(DSSE.inTotoPayloadType)","signatures":[{"sig":"\#(signature.base64)"}]}"#
        let request = try ProposedEntry.dsseV001(RekorV1.DSSEProposal(envelope: envelope, verifiers: [Array(signer.certificatePEM.utf8)])).encoded()
        let created = try await log.v1.createEntry(jsonRequest: request)
        let body = try #require(try RekorV1.LogEntryResponse(decoding: created.body).entry.bodyBytes)
        guard case .dsseV001(let spec) = try RekorEntry(decoding: body) else {
            Issue.record("not a dsse body")
            return
        }
        #expect(spec.payloadHash.digest == Array(SHA256.hash(data: payload)))
        #expect(spec.envelopeHash.digest == Array(SHA256.hash(data: Array(envelope.utf8))))
        #expect(spec.signatures.map(\.verifier) == [Array(signer.certificatePEM.utf8)])

        // The same envelope signed by someone else is refused.
        let other = try TestSigner()
        let forged = try ProposedEntry.dsseV001(RekorV1.DSSEProposal(envelope: envelope, verifiers: [Array(other.certificatePEM.utf8)])).encoded()
        await #expect(throws: RekorError.self) { _ = try await log.v1.createEntry(jsonRequest: forged) }
        #expect(try await log.v1.reader.latestTreeHead().size == 1)
    }

    @Test func readsAnswerByIndexUUIDEntryIDAndRetrieve() async throws {
        let log = try await TestLog()
        let signer = try TestSigner()
        var uuids: [String] = []
        for artifact in ["a", "b", "c"] {
            uuids.append(try await logArtifact(artifact, signer: signer, in: log).0.uuid)
        }
        let byIndex = try RekorV1.LogEntryResponse(decoding: try await log.v1.entry(atLogIndex: 1))
        #expect(byIndex.uuid.hasSuffix(uuids[1]))
        let byUUID = try RekorV1.LogEntryResponse(decoding: try await log.v1.entry(withIdentifier: uuids[2]))
        #expect(byUUID.entry.logIndex == 2)
        let byEntryID = try RekorV1.LogEntryResponse(decoding: try await log.v1.entry(withIdentifier: byUUID.uuid.uppercased()))
        #expect(byEntryID.entry.logIndex == 2)
        await #expect(throws: RekorError.self) { _ = try await log.v1.entry(atLogIndex: 3) }
        await #expect(throws: RekorError.self) { _ = try await log.v1.entry(withIdentifier: String(repeating: "0", count: 64)) }

        let retrieved = try await log.v1.retrieveEntries(jsonRequest: Array(#"{"entryUUIDs":["\#(uuids[0])"],"logIndexes":[2,7]}"#.utf8))
        let array = try #require(try JSONSerialization.jsonObject(with: Data(retrieved)) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array.first?.keys.first?.hasSuffix(uuids[0]) == true)

        let info = try RekorV1.LogInfo(decoding: try await log.v1.logInfo())
        #expect(info.treeSize == 3 && info.treeID == String(TestLog.treeID))
        #expect(info.rootHash == (try await log.v1.reader.rootHash(treeSize: 3)))
    }

    @Test func searchFindsEntriesByHashKeyAndEmail() async throws {
        let log = try await TestLog()
        let alice = try TestSigner(email: "Alice@Signet.test")
        let bob = try TestSigner(email: "bob@signet.test")
        let a = try await logArtifact("artifact-a", signer: alice, in: log).0.uuid
        let b = try await logArtifact("artifact-b", signer: bob, in: log).0.uuid
        func search(_ json: String) async throws -> [String] {
            try JSONDecoder().decode([String].self, from: Data(try await log.v1.searchIndex(jsonRequest: Array(json.utf8))))
        }
        let digest = Array(SHA256.hash(data: Array("artifact-b".utf8))).hex
        #expect(try await search(#"{"hash":"sha256:\#(digest)"}"#) == [b])
        #expect(try await search(#"{"email":"alice@signet.test"}"#) == [a])
        let key = Array(alice.certificatePEM.utf8).base64
        #expect(try await search(#"{"publicKey":{"format":"x509","content":"\#(key)"}}"#) == [a])
        #expect(try await search(#"{"email":"alice@signet.test","hash":"\#(digest)"}"#) == [a, b])
        #expect(try await search(#"{"email":"alice@signet.test","hash":"\#(digest)","operator":"and"}"#) == [])
    }

    @Test func consistencyProofsBetweenSizesVerify() async throws {
        let log = try await TestLog()
        let signer = try TestSigner()
        var roots: [[UInt8]] = []
        for index in 0..<7 {
            _ = try await logArtifact("artifact-\(index)", signer: signer, in: log)
            roots.append(try await log.v1.reader.latestTreeHead().rootHash)
        }
        for (first, last) in [(1, 7), (3, 5), (4, 4), (2, 6), (6, 7)] {
            let proof = try RekorV1.ConsistencyProof(decoding: try await log.v1.consistencyProof(firstSize: Int64(first), lastSize: Int64(last)))
            #expect(proof.rootHash == roots[last - 1])
            try ConsistencyProof(oldSize: UInt64(first), newSize: UInt64(last), hashes: proof.hashes)
                .verify(oldRoot: roots[first - 1], newRoot: roots[last - 1])
        }
        await #expect(throws: RekorError.self) { _ = try await log.v1.consistencyProof(firstSize: 5, lastSize: 3) }
        await #expect(throws: RekorError.self) { _ = try await log.v1.consistencyProof(firstSize: 1, lastSize: 8) }
    }

    @Test(arguments: [
        ("not json", #"{"apiVersion""#),
        ("unknown kind", #"{"apiVersion":"0.0.1","kind":"rekord","spec":{}}"#),
        ("intoto", #"{"apiVersion":"0.0.2","kind":"intoto","spec":{}}"#),
        ("unknown member", #"{"apiVersion":"0.0.1","kind":"hashedrekord","spec":{},"extra":1}"#),
    ])
    func malformedRequestsAreRefusedAndLeaveTheLogUnchanged(_ name: String, _ json: String) async throws {
        let log = try await TestLog()
        await #expect(throws: RekorError.self, "\(name)") { _ = try await log.v1.createEntry(jsonRequest: Array(json.utf8)) }
        #expect(try await log.v1.reader.latestTreeHead().size == 0)
    }

    @Test func badSignatureAndWrongDigestAreRefused() async throws {
        let log = try await TestLog()
        let signer = try TestSigner()
        let digest = Array(SHA256.hash(data: Array("x".utf8)))
        let signature = try signer.key.signature(forDigest: digest, hash: .sha256)
        let otherDigest = Array(SHA256.hash(data: Array("y".utf8)))
        await #expect(throws: RekorError.self) {
            _ = try await log.v1.createEntry(jsonRequest: Requests.hashedRekord(signature: signature, verifierPEM: signer.certificatePEM, digest: otherDigest))
        }
        let stranger = try TestSigner()
        await #expect(throws: RekorError.self) {
            _ = try await log.v1.createEntry(jsonRequest: Requests.hashedRekord(signature: signature, verifierPEM: stranger.key.publicKey.pemRepresentation, digest: digest))
        }
        #expect(try await log.v1.reader.latestTreeHead().size == 0)
    }
}
