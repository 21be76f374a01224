import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Merkle
@testable import ServerSupport
import SignedNote
import SigstoreCrypto
import SigstoreModels
import SwiftASN1
import Testing
import TLogService
import X509

/// The Rekor v1 and v2 APIs through HTTP, on the dev stack's SQLite logs.
@Suite struct TransparencyLogEndpointTests {
    let directory: URL
    let app: any ApplicationProtocol
    let signer: PrivateKey
    let certificatePEM: String
    let certificateDER: [UInt8]

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("signet-tlog-\(UUID().uuidString)")
        let stack = try DevStack.prepare(dataDirectory: directory, host: "127.0.0.1", port: 0, now: Date())
        app = SignetApplication.build(configuration: ServerConfiguration(host: "127.0.0.1", port: 0), services: stack.services)
        signer = try PrivateKey.generate(.ecdsaP256)
        let name = try DistinguishedName { CommonName("signet-http-signer") }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(bytes: [9]), publicKey: signer.publicKey.certificatePublicKey,
            notValidBefore: Date(), notValidAfter: Date().addingTimeInterval(600), issuer: name, subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: Certificate.Extensions { SubjectAlternativeNames([.rfc822Name("http@signet.test")]) },
            issuerPrivateKey: signer.certificatePrivateKey
        )
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        certificateDER = serializer.serializedBytes
        certificatePEM = try certificate.serializeAsPEM().pemString + "\n"
    }

    private func v1Request(_ artifact: String) throws -> ByteBuffer {
        let digest = Array(SHA256.hash(data: Array(artifact.utf8)))
        let signature = try signer.signature(forDigest: digest, hash: .sha256)
        let spec = RekorV1.HashedRekord(signature: signature, publicKey: Array(certificatePEM.utf8), data: try RekorHash(algorithm: .sha256, digest: digest))
        return ByteBuffer(bytes: try ProposedEntry.hashedRekordV001(spec).encoded())
    }

    private func v2Request(_ artifact: String) throws -> ByteBuffer {
        let digest = Array(SHA256.hash(data: Array(artifact.utf8)))
        let signature = try signer.signature(forDigest: digest, hash: .sha256)
        let verifier = RekorV2.Verifier(key: .x509Certificate(certificateDER), keyDetails: "PKIX_ECDSA_P256_SHA_256")
        let request = RekorV2.CreateEntryRequest.hashedRekord(.init(digest: digest, signature: .init(content: signature, verifier: verifier)))
        return ByteBuffer(bytes: try request.encoded())
    }

    private static let json: HTTPFields = [.contentType: "application/json"]

    @Test func v1WriteAndEveryReadEndpoint() async throws {
        try await app.test(.router) { client in
            let first = try v1Request("one")
            let created = try await client.execute(uri: "/api/v1/log/entries", method: .post, headers: Self.json, body: first)
            #expect(created.status == .created)
            let uuid = try #require(created.headers[.eTag])
            #expect(created.headers[.location] == "/api/v1/log/entries/\(uuid)")
            let entry = try RekorV1.LogEntryResponse(decoding: Array(buffer: created.body))
            #expect(entry.uuid.hasSuffix(uuid))

            // ECDSA signatures are randomised: only the very same request is the same entry.
            let again = try await client.execute(uri: "/api/v1/log/entries", method: .post, headers: Self.json, body: first)
            #expect(again.status == .conflict)
            #expect(again.headers[.location] == "/api/v1/log/entries/\(uuid)")
            let error = try JSONSerialization.jsonObject(with: Data(Array(buffer: again.body))) as? [String: Any]
            #expect(error?["code"] as? Int == 409 && error?["message"] is String)

            for index in 2...4 {
                let response = try await client.execute(uri: "/api/v1/log/entries", method: .post, headers: Self.json, body: try v1Request("entry \(index)"))
                #expect(response.status == .created)
            }
            let byUUID = try await client.execute(uri: "/api/v1/log/entries/\(uuid)", method: .get)
            #expect(byUUID.status == .ok)
            #expect(try RekorV1.LogEntryResponse(decoding: Array(buffer: byUUID.body)).entry.logIndex == 0)
            let byIndex = try await client.execute(uri: "/api/v1/log/entries?logIndex=3", method: .get)
            #expect(try RekorV1.LogEntryResponse(decoding: Array(buffer: byIndex.body)).entry.logIndex == 3)
            #expect(try await client.execute(uri: "/api/v1/log/entries?logIndex=9", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/api/v1/log/entries/zz", method: .get).status == .badRequest)

            let info = try RekorV1.LogInfo(decoding: Array(buffer: try await client.execute(uri: "/api/v1/log", method: .get).body))
            #expect(info.treeSize == 4)
            let keyResponse = try await client.execute(uri: "/api/v1/log/publicKey", method: .get)
            #expect(keyResponse.headers[.contentType] == "application/x-pem-file")
            let logKey = try PublicKey(pemEncoded: String(buffer: keyResponse.body))
            #expect(entry.entry.logID == logKey.keyID.map { String(format: "%02x", $0) }.joined())
            let verifier = try RekorNoteVerifier(name: "127.0.0.1", publicKey: logKey, flavour: .v1)
            let checkpoint = try Checkpoint(note: try Note(parsing: info.signedTreeHead))
            try Note(parsing: info.signedTreeHead).verify(with: [verifier], policy: .everyLineByKnownKey)
            #expect(checkpoint.origin == "127.0.0.1 - \(info.treeID)" && checkpoint.rootHash == info.rootHash)
            let set = try #require(entry.entry.verification?.signedEntryTimestamp.flatMap { Data(base64Encoded: $0) })
            #expect(logKey.isValidSignature(set, for: try entry.entry.signedEntryTimestampPayload()))

            let firstRoot = try #require(entry.entry.verification?.inclusionProof?.rootHash)
            let proofResponse = try await client.execute(uri: "/api/v1/log/proof?firstSize=1&lastSize=4", method: .get)
            let proof = try RekorV1.ConsistencyProof(decoding: Array(buffer: proofResponse.body))
            try ConsistencyProof(oldSize: 1, newSize: 4, hashes: proof.hashes).verify(oldRoot: firstRoot, newRoot: info.rootHash)
            #expect(try await client.execute(uri: "/api/v1/log/proof?firstSize=3&lastSize=2", method: .get).status == .badRequest)

            for path in ["/api/v1/log/entries/retrieve", "/api/v1/log/entries/retrieve/"] {
                let retrieved = try await client.execute(uri: path, method: .post, headers: Self.json, body: ByteBuffer(string: #"{"logIndexes":[0,2]}"#))
                #expect(retrieved.status == .ok)
                #expect((try JSONSerialization.jsonObject(with: Data(Array(buffer: retrieved.body))) as? [Any])?.count == 2)
            }
            let search = try await client.execute(uri: "/api/v1/index/retrieve", method: .post, headers: Self.json, body: ByteBuffer(string: #"{"email":"http@signet.test"}"#))
            #expect(try JSONDecoder().decode([String].self, from: Data(Array(buffer: search.body))).count == 4)
        }
    }

    @Test func restartKeepsTheLogsKeysAndTreeID() async throws {
        let treeID = try await app.test(.router) { client in
            let created = try await client.execute(uri: "/api/v1/log/entries", method: .post, headers: Self.json, body: try v1Request("kept"))
            #expect(created.status == .created)
            return try RekorV1.LogInfo(decoding: Array(buffer: try await client.execute(uri: "/api/v1/log", method: .get).body)).treeID
        }
        let restarted = try DevStack.prepare(dataDirectory: directory, host: "127.0.0.1", port: 0, now: Date())
        let app = SignetApplication.build(configuration: ServerConfiguration(host: "127.0.0.1", port: 0), services: restarted.services)
        try await app.test(.router) { client in
            let info = try RekorV1.LogInfo(decoding: Array(buffer: try await client.execute(uri: "/api/v1/log", method: .get).body))
            #expect(info.treeSize == 1 && info.treeID == treeID)
            try Note(parsing: info.signedTreeHead).verify(with: [
                try RekorNoteVerifier(name: "127.0.0.1", publicKey: try #require(restarted.services.transparencyLog?.v1?.publicKey), flavour: .v1),
            ])
        }
    }

    @Test func v1HostileInputIsRefusedAndLeavesTheLogUnchanged() async throws {
        try await app.test(.router) { client in
            _ = try await client.execute(uri: "/api/v1/log/entries", method: .post, headers: Self.json, body: try v1Request("seed"))
            let oversized = try await client.execute(
                uri: "/api/v1/log/entries", method: .post, headers: Self.json,
                body: ByteBuffer(repeating: UInt8(ascii: "a"), count: ServerLimits.maxTransparencyLogEntryBody + 1)
            )
            #expect(oversized.status == .contentTooLarge)
            for body in [#"{"kind":"#, #"{"apiVersion":"0.0.1","kind":"rekord","spec":{}}"#] {
                let response = try await client.execute(uri: "/api/v1/log/entries", method: .post, headers: Self.json, body: ByteBuffer(string: body))
                #expect(response.status == .badRequest)
                #expect((try JSONSerialization.jsonObject(with: Data(Array(buffer: response.body))) as? [String: Any])?["code"] as? Int == 400)
            }
            let info = try RekorV1.LogInfo(decoding: Array(buffer: try await client.execute(uri: "/api/v1/log", method: .get).body))
            #expect(info.treeSize == 1)
        }
    }

    @Test func v2WriteCheckpointAndTiles() async throws {
        try await app.test(.router) { client in
            let first = try v2Request("v2 one")
            let created = try await client.execute(uri: "/api/v2/log/entries", method: .post, headers: Self.json, body: first)
            #expect(created.status == .created)
            let entry = try ProtoJSON.decode(TransparencyLogEntry.self, from: Array(buffer: created.body))
            #expect(entry.logIndex == 0)
            let duplicate = try await client.execute(uri: "/api/v2/log/entries", method: .post, headers: Self.json, body: first)
            #expect(duplicate.status == .conflict)
            #expect(duplicate.headers[HTTPField.Name("x-log-index")!] == "0")

            let checkpoint = try await client.execute(uri: "/checkpoint", method: .get)
            #expect(checkpoint.status == .ok)
            let parsed = try Checkpoint(note: try Note(parsing: String(buffer: checkpoint.body)))
            #expect(parsed.origin == "127.0.0.1" && parsed.treeSize == 1)
            let tile = try await client.execute(uri: "/tile/0/000.p/1", method: .get)
            #expect(Array(buffer: tile.body) == MerkleHash.leaf(entry.canonicalizedBody))
            #expect(tile.headers[.cacheControl] != "public, max-age=31536000, immutable")
            let bundle = try await client.execute(uri: "/tile/entries/000.p/1", method: .get)
            #expect(try EntryBundle.decode(Array(buffer: bundle.body)) == [entry.canonicalizedBody])
            #expect(try await client.execute(uri: "/tile/0/000", method: .get).status == .notFound)

            let wrongDetails = try await client.execute(
                uri: "/api/v2/log/entries", method: .post, headers: Self.json,
                body: ByteBuffer(string: String(buffer: try v2Request("v2 two")).replacingOccurrences(of: "PKIX_ECDSA_P256_SHA_256", with: "PKIX_ECDSA_P384_SHA_384"))
            )
            #expect(wrongDetails.status == .badRequest)
            let size = try Checkpoint(note: try Note(parsing: String(buffer: try await client.execute(uri: "/checkpoint", method: .get).body))).treeSize
            #expect(size == 1)
        }
    }
}
