import CAService
import CertificateTransparency
import DevIdentityProvider
import Foundation
import Hummingbird
import HummingbirdTesting
import OIDC
@testable import ServerSupport
import SigstoreCrypto
import SwiftASN1
import Synchronization
import SigstoreTestSupport
import Testing
import X509

/// A CA and the dev OIDC issuer on one real socket: the OIDC verifier fetches the issuer's
/// discovery document and JWKS from the same server, so every token check is the real one.
struct CertificateAuthorityTestStack: Sendable {
    let directory: URL
    let provider: DevIdentityProvider
    let client: any TestClientProtocol
    let origin: String
    /// Counts the chains the CA sent to its CT log (not available on the dev stack).
    let log: CountingPrecertificateLog?
    /// The CT log key clients trust.
    let ctLog: TrustedCTLog
    /// The dev issuer's signing key.
    let issuerKey: PrivateKey

    var issuer: String { origin + "/oidc" }

    /// `signetd --dev` as `DevStack` wires it.
    static func runDevStack(_ body: @Sendable (CertificateAuthorityTestStack) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("signet-ca-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let stack = try DevStack.prepare(dataDirectory: directory, host: "127.0.0.1", port: 0, now: Date())
        let provider = try #require(stack.services.devIdentityProvider)
        let logKey = try PrivateKey(pemEncoded: String(contentsOf: directory.appendingPathComponent("ctlog/signing-key.pem"), encoding: .utf8))
        let issuerKey = try PrivateKey(pemEncoded: String(contentsOf: directory.appendingPathComponent("oidc/signing-key.pem"), encoding: .utf8))
        try await serve(stack.services, directory: directory, provider: provider, log: nil, logKey: logKey, issuerKey: issuerKey, body)
    }

    /// The same services, built here so the CA's log counts what reaches it.
    static func run(_ body: @Sendable (CertificateAuthorityTestStack) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("signet-ca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let issuerKey = try PrivateKey.generate(.ecdsaP256)
        let provider = try DevIdentityProvider(issuer: "http://unbound.invalid/oidc", signingKey: issuerKey)
        let logKey = try PrivateKey.generate(.ecdsaP256)
        let log = CountingPrecertificateLog(SigningOnlyPrecertificateLog(signer: try SCTSigner(signer: logKey)))
        let keys = try CertificateAuthorityKeys.generate(notValidBefore: Date().addingTimeInterval(-3600)).keys
        let issuers = try IssuerConfiguration(issuers: [], metaIssuers: [IssuerSettings(issuerURL: "http://127.0.0.1:*/oidc", type: .email)])
        let authority = CertificateAuthority(
            certificateIssuer: CodeSigningCertificateIssuer(keys: keys, log: log, trustedLogs: [try TrustedCTLog(publicKey: logKey.publicKey)]),
            issuers: issuers,
            tokenVerifier: try IdentityTokenVerifier(configuration: .init(issuers: issuers.allowedIssuers))
        )
        let services = HostedServices(devIdentityProvider: provider, certificateAuthority: authority)
        try await serve(services, directory: directory, provider: provider, log: log, logKey: logKey, issuerKey: issuerKey, body)
    }

    private static func serve(
        _ services: HostedServices, directory: URL, provider: DevIdentityProvider, log: CountingPrecertificateLog?, logKey: PrivateKey,
        issuerKey: PrivateKey, _ body: @Sendable (CertificateAuthorityTestStack) async throws -> Void
    ) async throws {
        let app = SignetApplication.build(configuration: ServerConfiguration(host: "127.0.0.1", port: 0), services: services)
        let ctLog = try TrustedCTLog(publicKey: logKey.publicKey)
        try await app.test(.live) { client in
            let origin = "http://127.0.0.1:\(client.port ?? 0)"
            await provider.setIssuer(origin + "/oidc")
            try await body(CertificateAuthorityTestStack(
                directory: directory, provider: provider, client: client, origin: origin, log: log, ctLog: ctLog, issuerKey: issuerKey
            ))
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

/// Counts the precertificate chains that reach the CT log: a refused request must add none.
final class CountingPrecertificateLog: PrecertificateLog {
    private let log: any PrecertificateLog
    private let count = Mutex(0)

    init(_ log: any PrecertificateLog) {
        self.log = log
    }

    var submissions: Int { count.withLock { $0 } }

    func submit(precertificateChain chain: [Certificate]) async throws -> SignedCertificateTimestamp {
        count.withLock { $0 += 1 }
        return try await log.submit(precertificateChain: chain)
    }
}

@Suite struct CertificateAuthorityEndpointTests {
    /// The acceptance test: a sigstore-python-shaped request, an OpenSSL-verified chain, a critical
    /// SAN, the Sigstore extensions, and an embedded SCT that verifies with the CT log key.
    @Test func issuesACertificateThatOpenSSLVerifies() async throws {
        try await CertificateAuthorityTestStack.runDevStack { stack in
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

            let verifiedSCTs = try SCTVerifier(trustedLogs: [stack.ctLog]).verifyEmbeddedSCTs(in: chain[0], issuer: chain[1])
            #expect(verifiedSCTs.count == 1)
        }
    }

    /// What sigstore-go sends: a PEM key and a signature over the email claim; here with the token
    /// in the body's credentials instead of the header.
    @Test func issuesForAPublicKeyWithAProofOfPossession() async throws {
        try await CertificateAuthorityTestStack.run { stack in
            let key = try PrivateKey.generate(.ecdsaP384)
            let proof = Data(try key.signature(for: Array("bob@signet.test".utf8))).base64EncodedString()
            let token = try await stack.token(email: "bob@signet.test")
            let pem = key.publicKey.pemRepresentation.replacingOccurrences(of: "\n", with: "\\n")
            let body = #"{"credentials":{"oidcIdentityToken":"\#(token)"},"publicKeyRequest":{"publicKey":{"algorithm":"ECDSA","content":"\#(pem)"},"proofOfPossession":"\#(proof)"}}"#
            let response = try await stack.post(body: body, token: nil)
            #expect(response.status == .ok)
            let chain = try CertificateAuthorityTestStack.chain(of: response)
            #expect(chain[0].publicKey == key.publicKey.certificatePublicKey)
            #expect(try chain[0].extensions.subjectAlternativeNames == SubjectAlternativeNames([.rfc822Name("bob@signet.test")]))
            #expect(stack.log?.submissions == 1)
        }
    }

    /// The legacy API: 201 and the PEM chain, leaf first.
    @Test func servesTheLegacyAPI() async throws {
        try await CertificateAuthorityTestStack.run { stack in
            let key = try PrivateKey.generate(.ecdsaP256)
            let signed = Data(try key.signature(for: Array("alice@signet.test".utf8))).base64EncodedString()
            let content = Data(key.publicKey.pemRepresentation.utf8).base64EncodedString()
            let body = #"{"publicKey":{"content":"\#(content)","algorithm":"ecdsa"},"signedEmailAddress":"\#(signed)"}"#
            let response = try await stack.post("/api/v1/signingCert", body: body, token: try await stack.token())
            #expect(response.status == .created)
            #expect(response.headers[.contentType] == "application/pem-certificate-chain")
            let chain = try PEMDocument.parseMultiple(pemString: String(buffer: response.body)).map { try Certificate(pemDocument: $0) }
            #expect(chain.count == 3)
            #expect(chain[0].publicKey == key.publicKey.certificatePublicKey)

            let csrResponse = try await stack.post("/api/v1/signingCert", body: try CertificateAuthorityTestStack.csrBody(for: key), token: try await stack.token())
            #expect(csrResponse.status == .created)

            let roots = try await stack.client.execute(uri: "/api/v1/rootCert", method: .get)
            #expect(roots.status == .ok)
            #expect(roots.headers[.contentType] == "application/pem-certificate-chain")
            let bundle = try PEMDocument.parseMultiple(pemString: String(buffer: roots.body)).map { try Certificate(pemDocument: $0) }
            #expect(bundle == Array(chain.dropFirst()))
        }
    }

    @Test func servesTheTrustBundleAndConfiguration() async throws {
        try await CertificateAuthorityTestStack.run { stack in
            let bundle = try await stack.client.execute(uri: "/api/v2/trustBundle", method: .get)
            #expect(bundle.status == .ok)
            #expect(bundle.headers[.contentType] == "application/json")
            let object = try JSONSerialization.jsonObject(with: Data(Array(buffer: bundle.body))) as? [String: Any]
            let chains = try #require(object?["chains"] as? [[String: [String]]])
            #expect(chains.count == 1)
            let certificates = try #require(chains.first?["certificates"]).map { try Certificate(pemEncoded: $0) }
            #expect(certificates.count == 2)
            #expect(certificates[1].subject == certificates[1].issuer)

            let configuration = try await stack.client.execute(uri: "/api/v2/configuration", method: .get)
            #expect(configuration.status == .ok)
            let issuers = (try JSONSerialization.jsonObject(with: Data(Array(buffer: configuration.body))) as? [String: [[String: String]]])?["issuers"]
            #expect(issuers == [["wildcardIssuerUrl": "http://127.0.0.1:*/oidc", "audience": "sigstore", "challengeClaim": "email", "issuerType": "email"]])
        }
    }
}
