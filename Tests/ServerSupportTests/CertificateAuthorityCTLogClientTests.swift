import CAService
import CertificateTransparency
import Foundation
import Hummingbird
import HummingbirdTesting
import SigstoreCrypto
import SwiftASN1
import Testing
import X509

/// `HTTPPrecertificateLog` against an RFC 6962 `add-pre-chain` endpoint on a real socket.
@Suite struct CertificateAuthorityCTLogClientTests {
    /// A stand-in CT log front end: `POST /test/ct/v1/add-pre-chain` parses the base64 DER chain
    /// and answers with an SCT; other paths fail the ways real logs do.
    static func withLog(_ body: @Sendable (String, PrivateKey, LogRequests) async throws -> Void) async throws {
        let logKey = try PrivateKey.generate(.ecdsaP256)
        let signer = SigningOnlyPrecertificateLog(signer: try SCTSigner(signer: logKey))
        let requests = LogRequests()
        let router = Router()
        router.post("test/ct/v1/add-pre-chain") { request, _ -> Response in
            let data = try await request.body.collect(upTo: 1 << 20)
            await requests.record(request.headers[.contentType], Array(buffer: data))
            let object = try JSONSerialization.jsonObject(with: Data(Array(buffer: data))) as? [String: [String]]
            let chain = try (object?["chain"] ?? []).map { try Certificate(derEncoded: Array(try #require(Data(base64Encoded: $0)))) }
            let sct = try await signer.submit(precertificateChain: chain)
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: sct.jsonEncoded)))
        }
        router.post("broken/ct/v1/add-pre-chain") { _, _ -> Response in
            Response(status: .internalServerError, body: .init(byteBuffer: ByteBuffer(string: "backend unavailable")))
        }
        router.post("garbage/ct/v1/add-pre-chain") { _, _ -> Response in
            Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: #"{"sct_version":0}"#)))
        }
        router.post("huge/ct/v1/add-pre-chain") { _, _ -> Response in
            Response(status: .ok, body: .init(byteBuffer: ByteBuffer(repeating: 0x20, count: HTTPPrecertificateLog.maxResponseBytes + 1)))
        }
        router.post("slow/ct/v1/add-pre-chain") { _, _ -> Response in
            // Answers (with nothing usable) only once the test is done, or after 60 s.
            let started = ContinuousClock.now
            while await !requests.slowAnswerReleased, ContinuousClock.now - started < .seconds(60) {
                try await Task.sleep(for: .milliseconds(50))
            }
            return Response(status: .ok)
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(client.port ?? 0)", logKey, requests)
        }
    }

    actor LogRequests {
        private(set) var contentTypes: [String?] = []
        private(set) var bodies: [[UInt8]] = []

        private(set) var slowAnswerReleased = false

        func releaseSlowAnswer() {
            slowAnswerReleased = true
        }

        func record(_ contentType: String?, _ body: [UInt8]) {
            contentTypes.append(contentType)
            bodies.append(body)
        }
    }

    @Test func issuesWithSCTsFromTheRemoteLog() async throws {
        try await Self.withLog { origin, logKey, requests in
            let generated = try CertificateAuthorityKeys.generate(notValidBefore: Date().addingTimeInterval(-60))
            // A trailing slash on the configured URL is harmless.
            let issuer = CodeSigningCertificateIssuer(
                keys: generated.keys, log: HTTPPrecertificateLog(url: origin + "/test/"),
                trustedLogs: [try TrustedCTLog(publicKey: logKey.publicKey)]
            )
            let identity = CertificateIdentity(subjectAlternativeName: .email("alice@signet.test"), issuer: "https://issuer.example")
            let chain = try await issuer.issue(for: try PrivateKey.generate(.ecdsaP256).publicKey, identity: identity, at: Date())
            #expect(try SCTVerifier(trustedLogs: [try TrustedCTLog(publicKey: logKey.publicKey)]).verifyEmbeddedSCTs(in: chain[0], issuer: chain[1]).count == 1)

            #expect(await requests.contentTypes == ["application/json"])
            let body = try #require(await requests.bodies.first)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: [String]])
            #expect(Array(object.keys) == ["chain"])
            let submitted = try #require(object["chain"]).map { try Certificate(derEncoded: Array(try #require(Data(base64Encoded: $0)))) }
            #expect(submitted.count == 3)
            #expect(Array(submitted.dropFirst()) == generated.keys.chain)
            #expect(try submitted[0].extensions.precertificatePoison != nil)
        }
    }

    @Test(arguments: ["broken", "garbage", "huge", "missing"])
    func failuresOfTheLogAreIssuanceFailures(_ path: String) async throws {
        try await Self.withLog { origin, _, _ in
            let generated = try CertificateAuthorityKeys.generate(algorithm: .ecdsaP256, notValidBefore: Date())
            let precertificate = try Certificate(
                version: .v3, serialNumber: .init(), publicKey: generated.keys.issuingCertificate.publicKey,
                notValidBefore: Date(), notValidAfter: Date().addingTimeInterval(600), issuer: generated.keys.issuingCertificate.subject,
                subject: DistinguishedName(), signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions([PrecertificatePoison().makeCertificateExtension()]),
                issuerPrivateKey: generated.intermediateKey.certificatePrivateKey
            )
            let log = HTTPPrecertificateLog(url: origin + "/" + path)
            let error = await #expect(throws: CAError.self) { try await log.submit(precertificateChain: [precertificate] + generated.keys.chain) }
            #expect(error?.code == .issuanceFailed)
        }
    }

    @Test func aSlowLogTimesOut() async throws {
        try await Self.withLog { origin, _, requests in
            let generated = try CertificateAuthorityKeys.generate(algorithm: .ecdsaP256, notValidBefore: Date())
            let log = HTTPPrecertificateLog(url: origin + "/slow", timeout: .milliseconds(300))
            let started = ContinuousClock.now
            let error = await #expect(throws: CAError.self) { try await log.submit(precertificateChain: generated.keys.chain) }
            #expect(error?.code == .issuanceFailed)
            // The log answers after 60 s; generous room for a loaded two-core machine.
            #expect(ContinuousClock.now - started < .seconds(30))
            await requests.releaseSlowAnswer()
        }
    }

    @Test func anUnreachableLogIsAnIssuanceFailure() async throws {
        let log = HTTPPrecertificateLog(url: "http://127.0.0.1:1/test", timeout: .seconds(2))
        let generated = try CertificateAuthorityKeys.generate(algorithm: .ecdsaP256, notValidBefore: Date())
        let error = await #expect(throws: CAError.self) { try await log.submit(precertificateChain: generated.keys.chain) }
        #expect(error?.code == .issuanceFailed)
    }
}
