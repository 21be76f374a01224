import Foundation
import RFC3161
import ServiceClients
import SigstoreCrypto
import SigstoreTestSupport
import SwiftASN1
import Testing

/// The TSA client against the dev stack's real RFC 3161 authority on loopback.
@Suite("TimestampAuthorityClient", .serialized)
struct TimestampAuthorityClientTests {
    @Test("the reply is a granted DER TimeStampResp over SHA-256 of the signature")
    func stampsTheSignature() async throws {
        try await DevServer.run { server in
            let signature = Array("a signature \(UUID().uuidString)".utf8)
            let reply = try await TimestampAuthorityClient(url: server.baseURL + "/api/v1/timestamp").timestamp(signature: signature)
            let response = try TimeStampResponse(bytes: reply)
            #expect(response.status.status == .granted)
            let token = try #require(response.timeStampToken)
            let content = try #require(try token.signedData().encapsulatedContentInfo.eContent)
            let info = try TSTInfo(berEncoded: content)
            #expect(info.messageImprint.hashedMessage == HashAlgorithm.sha256.hash(signature))
            #expect(info.nonce != nil)
            #expect(abs(info.generationDate.timeIntervalSinceNow) < 60)
        }
    }

    @Test("a wrong path is refused with the status, and a dead port is unreachable")
    func failures() async throws {
        try await DevServer.run { server in
            let refused = await #expect(throws: ServiceClientError.self) {
                _ = try await TimestampAuthorityClient(url: server.baseURL + "/api/v1/no-such-thing").timestamp(signature: [1, 2, 3])
            }
            #expect(refused?.code == .rejected)
            #expect(refused?.status == 404)
        }
        let port = try DevServer.freePort()
        let unreachable = await #expect(throws: ServiceClientError.self) {
            _ = try await TimestampAuthorityClient(url: "http://127.0.0.1:\(port)/api/v1/timestamp").timestamp(signature: [1])
        }
        #expect(unreachable?.code == .unreachable)
    }
}
