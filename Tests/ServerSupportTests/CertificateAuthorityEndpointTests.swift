import CAService
import CertificateTransparency
import DevIdentityProvider
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import ServerSupport
import SigstoreCrypto
import SwiftASN1
import Testing
import X509

/// `signetd --dev`'s CA over a real socket: the OIDC verifier fetches the dev issuer's discovery
/// document and JWKS from the same server, so every token check is the real one.
struct CertificateAuthorityTestStack: Sendable {
    let directory: URL
    let provider: DevIdentityProvider
    let client: any TestClientProtocol
    let origin: String

    var issuer: String { origin + "/oidc" }

    static func run(_ body: @Sendable (CertificateAuthorityTestStack) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("signet-ca-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let stack = try DevStack.prepare(dataDirectory: directory, host: "127.0.0.1", port: 0, now: Date())
        let provider = try #require(stack.services.devIdentityProvider)
        let app = SignetApplication.build(configuration: ServerConfiguration(host: "127.0.0.1", port: 0), services: stack.services)
        try await app.test(.live) { client in
            let origin = "http://127.0.0.1:\(client.port ?? 0)"
            await provider.setIssuer(origin + "/oidc")
            try await body(CertificateAuthorityTestStack(directory: directory, provider: provider, client: client, origin: origin))
        }
    }

    /// A token for `email`, verified.
    func token(email: String = "alice@signet.test") async throws -> String {
        try await provider.mint(subject: email, email: email)
    }

    /// `POST path` with a JSON body and, when given, `Authorization: Bearer token`.
    func post(_ path: String = "/api/v2/signingCert", body: String, token: String?) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// The CT log key clients trust (written by the dev stack).
    func ctLog() throws -> TrustedCTLog {
        let pem = try String(contentsOf: directory.appendingPathComponent("ctlog/signing-key.pem"), encoding: .utf8)
        return try TrustedCTLog(publicKey: try PrivateKey(pemEncoded: pem).publicKey)
    }

    /// How many leaves the CA has issued so far, from the request metrics: a 200 or 201 on a signing route.
    func issuedCount() async throws -> Int {
        let metrics = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
        return metrics.split(separator: "\n")
            .filter { $0.hasPrefix("signet_http_requests_total{") && $0.contains("signingCert") && ($0.contains("status=\"200\"") || $0.contains("status=\"201\"")) }
            .compactMap { $0.split(separator: " ").last.flatMap { Double($0) }.map { Int($0) } }
            .reduce(0, +)
    }

    /// `{"certificateSigningRequest": base64(PEM)}` for `key`, as sigstore-python sends it.
    static func csrBody(for key: PrivateKey) throws -> String {
        let csr = try CertificateSigningRequest(
            version: .v1, subject: DistinguishedName(), privateKey: key.certificatePrivateKey,
            attributes: CertificateSigningRequest.Attributes(), signatureAlgorithm: .ecdsaWithSHA256
        )
        let pem = try csr.serializeAsPEM().pemString
        return #"{"certificateSigningRequest":"\#(Data(pem.utf8).base64EncodedString())"}"#
    }

    /// The PEM chain of a v2 response.
    static func chain(of response: TestResponse) throws -> [Certificate] {
        let object = try JSONSerialization.jsonObject(with: Data(Array(buffer: response.body))) as? [String: Any]
        let embedded = object?["signedCertificateEmbeddedSct"] as? [String: Any]
        let pems = try #require((embedded?["chain"] as? [String: Any])?["certificates"] as? [String])
        return try pems.map { try Certificate(pemEncoded: $0) }
    }
}

@Suite struct CertificateAuthorityEndpointTests {
    /// The acceptance test: a sigstore-python-shaped request, an OpenSSL-verified chain, a critical
    /// SAN, the Sigstore extensions, and an embedded SCT that verifies with the CT log key.
    @Test func issuesACertificateThatOpenSSLVerifies() async throws {
        try await CertificateAuthorityTestStack.run { stack in
            let key = try PrivateKey.generate(.ecdsaP256)
            let response = try await stack.post(body: try CertificateAuthorityTestStack.csrBody(for: key), token: try await stack.token())
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let chain = try CertificateAuthorityTestStack.chain(of: response)
            try #require(chain.count == 3)
            #expect(chain[0].publicKey == key.publicKey.certificatePublicKey)

            let work = stack.directory.appendingPathComponent("openssl")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let files = try ["leaf", "intermediate", "root"].enumerated().map { index, name in
                let file = work.appendingPathComponent("\(name).pem")
                try chain[index].serializeAsPEM().pemString.write(to: file, atomically: true, encoding: .utf8)
                return file.path
            }
            let verified = try OpenSSL.run(["verify", "-CAfile", files[2], "-untrusted", files[1], files[0]])
            #expect(verified.contains("\(files[0]): OK"))

            let text = try OpenSSL.run(["x509", "-in", files[0], "-noout", "-text"])
            #expect(text.contains("X509v3 Subject Alternative Name: critical"))
            #expect(text.contains("email:alice@signet.test"))
            #expect(text.contains("CT Precertificate SCTs"))
            #expect(text.contains("Code Signing"))
            #expect(text.contains("1.3.6.1.4.1.57264.1.1"))
            #expect(text.contains("1.3.6.1.4.1.57264.1.8"))
            #expect(text.contains("X509v3 Authority Key Identifier"))

            let verifiedSCTs = try SCTVerifier(trustedLogs: [try stack.ctLog()]).verifyEmbeddedSCTs(in: chain[0], issuer: chain[1])
            #expect(verifiedSCTs.count == 1)
        }
    }
}
