import Foundation
import Hummingbird
import HummingbirdTesting
import RFC3161
@testable import ServerSupport
import SigstoreCrypto
import SwiftASN1
import SigstoreTestSupport
import Testing
import TSAService

@Suite struct TimestampEndpointTests {
    let directory: URL
    let app: any ApplicationProtocol

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("signet-tsa-\(UUID().uuidString)")
        let stack = try DevStack.prepare(dataDirectory: directory, host: "127.0.0.1", port: 0, now: Date())
        app = SignetApplication.build(configuration: ServerConfiguration(host: "127.0.0.1", port: 0), services: stack.services)
    }

    /// `openssl ts -query` → our endpoint → `openssl ts -verify`: the acceptance test of issue 5.
    @Test(arguments: ["-sha256", "-sha384", "-sha512"])
    func openSSLVerifiesOurResponses(_ hashFlag: String) async throws {
        let work = directory.appendingPathComponent("openssl\(hashFlag)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let data = work.appendingPathComponent("data.txt")
        try Data("timestamp me".utf8).write(to: data)
        let query = work.appendingPathComponent("query.tsq")
        try OpenSSL.run(["ts", "-query", "-data", data.path, hashFlag, "-cert", "-out", query.path])

        try await app.test(.live) { client in
            let reply = try await client.execute(
                uri: "/api/v1/timestamp",
                method: .post,
                headers: [.contentType: "application/timestamp-query"],
                body: ByteBuffer(bytes: try Data(contentsOf: query))
            )
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType] == "application/timestamp-reply")
            let replyFile = work.appendingPathComponent("reply.tsr")
            try Data(Array(buffer: reply.body)).write(to: replyFile)

            let chain = try await client.execute(uri: "/api/v1/timestamp/certchain", method: .get)
            #expect(chain.headers[.contentType] == "application/pem-certificate-chain")
            let certificates = try TSACertificateChain(pemEncoded: String(buffer: chain.body)).certificates
            let leaf = work.appendingPathComponent("leaf.pem")
            let root = work.appendingPathComponent("root.pem")
            try TSACertificateChain(certificates: [certificates[0]]).pemEncoded().write(to: leaf, atomically: true, encoding: .utf8)
            try TSACertificateChain(certificates: [certificates[certificates.count - 1]]).pemEncoded().write(to: root, atomically: true, encoding: .utf8)

            let output = try OpenSSL.run([
                "ts", "-verify", "-queryfile", query.path, "-in", replyFile.path, "-CAfile", root.path, "-untrusted", leaf.path,
            ])
            #expect(output.contains("Verification: OK"))
        }
    }

    @Test func answersBadRequestsWithAnErrorStatusAndNoToken() async throws {
        try await app.test(.router) { client in
            let garbage = try await client.execute(
                uri: "/api/v1/timestamp", method: .post,
                headers: [.contentType: "application/timestamp-query"], body: ByteBuffer(string: "garbage")
            )
            #expect(garbage.status == .badRequest)
            #expect(garbage.headers[.contentType] == "application/json")
            #expect(String(buffer: garbage.body).contains("\"code\":400"))

            let wrongType = try await client.execute(
                uri: "/api/v1/timestamp", method: .post,
                headers: [.contentType: "text/plain"], body: ByteBuffer(string: "hello")
            )
            #expect(wrongType.status == .unsupportedMediaType)

            let oversized = try await client.execute(
                uri: "/api/v1/timestamp", method: .post,
                headers: [.contentType: "application/timestamp-query"],
                body: ByteBuffer(bytes: [UInt8](repeating: 0x30, count: ServerLimits.maxTimestampQueryBody + 1))
            )
            #expect(oversized.status == .contentTooLarge)

            let sha1 = TimeStampRequest(
                messageImprint: MessageImprint(hashAlgorithm: .init(algorithm: [1, 3, 14, 3, 2, 26], parameters: nil), hashedMessage: Array(repeating: 1, count: 20)),
                nonce: [1]
            )
            let rejected = try await client.execute(
                uri: "/api/v1/timestamp", method: .post,
                headers: [.contentType: "application/timestamp-query"], body: ByteBuffer(bytes: try sha1.derEncoded())
            )
            #expect(rejected.status == .badRequest)
        }
    }

    @Test func servesTheJSONRequestForm() async throws {
        try await app.test(.router) { client in
            let digest = Data(HashAlgorithm.sha256.hash(Array("sig".utf8))).base64EncodedString()
            let reply = try await client.execute(
                uri: "/api/v1/timestamp", method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"artifactHash":"\#(digest)","hashAlgorithm":"sha256","nonce":5,"certificates":true}"#)
            )
            #expect(reply.status == .ok)
            let response = try TimeStampResponse(bytes: Array(buffer: reply.body))
            #expect(response.status.isGranted)
        }
    }

    @Test func reportsHealthAndMetrics() async throws {
        try await app.test(.router) { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            _ = try await client.execute(uri: "/api/v1/timestamp/certchain", method: .get)
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(String(buffer: metrics.body).contains(#"signet_http_requests_total{method="GET",route="/api/v1/timestamp/certchain",status="200"} 1"#))
        }
    }

    @Test func reusesKeysAndChainAcrossRestarts() throws {
        let first = try DevStack.prepare(dataDirectory: directory, host: "127.0.0.1", port: 0, now: Date())
        let second = try DevStack.prepare(dataDirectory: directory, host: "127.0.0.1", port: 0, now: Date())
        #expect(first.services.timestampAuthority?.certificateChain == second.services.timestampAuthority?.certificateChain)
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("tsa/signing-key.pem").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
}
