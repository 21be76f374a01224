import Crypto
import Foundation
import ServiceClients
import SigstoreCrypto
import SigstoreModels
import SigstoreTestSupport
import Testing

/// The Rekor v1 and v2 write clients against the dev stack's real logs on loopback.
@Suite("Rekor write clients", .serialized)
struct RekorWriteClientTests {
    @Test("v1 hashedrekord: a bundle entry with proof, checkpoint and SET over the body sent")
    func v1HashedRekord() async throws {
        try await DevServer.run { server in
            let fixture = try WriteClientFixture()
            let client = RekorV1WriteClient(baseURL: server.baseURL)
            let entry = try await client.createEntry(try fixture.hashedRekordV1)
            #expect(entry.kindVersion == .init(kind: "hashedrekord", version: "0.0.1"))
            #expect(entry.integratedTime > 0)
            #expect(entry.inclusionPromise != nil)
            let proof = try #require(entry.inclusionProof)
            #expect(proof.checkpoint?.envelope.isEmpty == false)
            #expect(proof.treeSize > entry.logIndex)
            guard case .hashedRekordV001(let logged) = try RekorEntry(decoding: entry.canonicalizedBody) else {
                Issue.record("the logged body is not a hashedrekord 0.0.1")
                return
            }
            #expect(logged.signature == fixture.signature)
            #expect(logged.data.digest == fixture.digest)

            // The very same entry again is a duplicate: 409, with the log's message.
            let duplicate = await #expect(throws: ServiceClientError.self) {
                _ = try await client.createEntry(try fixture.hashedRekordV1)
            }
            #expect(duplicate?.code == .rejected)
            #expect(duplicate?.status == 409)
        }
    }

    @Test("v1 dsse: the log records the hashes of the envelope sent")
    func v1DSSE() async throws {
        try await DevServer.run { server in
            let fixture = try WriteClientFixture()
            let envelope = try fixture.envelope()
            let text = String(decoding: try ProtoJSON.encode(envelope), as: UTF8.self)
            let entry = try await RekorV1WriteClient(baseURL: server.baseURL).createEntry(
                .dsseV001(.init(envelope: text, verifiers: [Array(fixture.key.publicKey.pemRepresentation.utf8)])))
            #expect(entry.kindVersion == .init(kind: "dsse", version: "0.0.1"))
            guard case .dsseV001(let logged) = try RekorEntry(decoding: entry.canonicalizedBody) else {
                Issue.record("the logged body is not a dsse 0.0.1")
                return
            }
            #expect(logged.payloadHash.digest == Array(SHA256.hash(data: envelope.payload)))
            #expect(logged.envelopeHash.digest == Array(SHA256.hash(data: Array(text.utf8))))
        }
    }

    @Test("v1: a signature that does not verify is refused with the log's message")
    func v1Refusal() async throws {
        try await DevServer.run { server in
            let fixture = try WriteClientFixture()
            let other = try WriteClientFixture()
            let forged = ProposedEntry.hashedRekordV001(.init(
                signature: other.signature, publicKey: Array(fixture.key.publicKey.pemRepresentation.utf8),
                data: try RekorHash(algorithm: .sha256, digest: fixture.digest)))
            let error = await #expect(throws: ServiceClientError.self) {
                _ = try await RekorV1WriteClient(baseURL: server.baseURL).createEntry(forged)
            }
            #expect(error?.code == .rejected)
            #expect(error?.status == 400)
        }
    }

    @Test("v2 hashedrekord: the entry as the log answered it, with the canonical body of the request")
    func v2HashedRekord() async throws {
        try await DevServer.run { server in
            let fixture = try WriteClientFixture()
            let request = fixture.hashedRekordV2
            let entry = try await RekorV2WriteClient(baseURL: server.baseURL).createEntry(request)
            #expect(entry.kindVersion == .init(kind: "hashedrekord", version: "0.0.2"))
            #expect(entry.integratedTime == 0)
            #expect(entry.inclusionPromise == nil)
            #expect(entry.inclusionProof?.checkpoint?.envelope.isEmpty == false)
            #expect(try RekorEntry(decoding: entry.canonicalizedBody) == .hashedRekordV002(try .init(request: request)))

            let duplicate = await #expect(throws: ServiceClientError.self) {
                _ = try await RekorV2WriteClient(baseURL: server.baseURL).createEntry(request)
            }
            #expect(duplicate?.status == 409)
        }
    }
}
