import CAService
import CertificateTransparency
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import ServerSupport
import SigstoreCrypto
import SigstoreTestSupport
import SwiftASN1
import TLogService
import Testing
import X509

/// `signetd serve --config` with `certificate-authority` and `ct-log` sections beside the Rekor
/// logs and the TSA: the CA made by `signetd ca init` issues over HTTP for a token of a real OIDC
/// issuer (the dev stack's, on its own loopback port), OpenSSL accepts the chain, the embedded
/// SCT verifies against the configured CT key, and the CT log keeps its entries across a restart.
@Suite struct ServeCertificateAuthorityTests {
    @Test func issuesCertificatesWithSCTsFromTheConfiguredCTLog() async throws {
        try await CertificateAuthorityLiveDevStack.run { dev in
            let deployment = try ServeCertificateAuthorityDeployment(issuer: dev.origin + "/oidc")
            let root = try Certificate(pemEncoded: String(contentsOf: deployment.ca.appendingPathComponent("root.pem"), encoding: .utf8))
            let intermediate = try Certificate(pemEncoded: String(contentsOf: deployment.ca.appendingPathComponent("intermediate.pem"), encoding: .utf8))

            let stack = try await ServeCertificateAuthorityDeployment.prepare(deployment.fullConfiguration)
            #expect(stack.services.transparencyLog?.v1 != nil && stack.services.transparencyLog?.v2 != nil)
            #expect(stack.services.timestampAuthority != nil && stack.services.devIdentityProvider == nil)
            let app = SignetApplication.build(configuration: ServerConfiguration(host: "127.0.0.1", port: 0), services: stack.services)
            try await app.test(.router) { client in
                let chain = try await Self.issue(client, token: try await dev.mintToken(#"{"email":"serve-ca@signet.test"}"#))
                #expect(Array(chain.dropFirst()) == [intermediate, root])
                let names = try #require(try chain[0].extensions.subjectAlternativeNames)
                #expect(names.contains(.rfc822Name("serve-ca@signet.test")))
                let verified = try CertificateAuthorityLiveDevStack.opensslVerify(chain, in: deployment.directory.url)
                #expect(verified.contains(": OK"))

                let ctLog = try TrustedCTLog(publicKey: deployment.ctKey.publicKey)
                #expect(try SCTVerifier(trustedLogs: [ctLog]).verifyEmbeddedSCTs(in: chain[0], issuer: chain[1]).count == 1)
                let otherLog = try TrustedCTLog(publicKey: try PrivateKey.generate(.ecdsaP256).publicKey)
                #expect(throws: (any Error).self) {
                    try SCTVerifier(trustedLogs: [otherLog]).verifyEmbeddedSCTs(in: chain[0], issuer: chain[1])
                }

                #expect(try await Self.treeSize(client) == 1)
                let roots = try await Self.json(client, "/ct/v1/get-roots")["certificates"] as? [String]
                #expect(roots == [Data(try root.serializeAsPEM().derBytes).base64EncodedString()])
                #expect(try await client.execute(uri: "/api/v2/trustBundle", method: .get).status == .ok)
                #expect(try await client.execute(uri: "/api/v1/log", method: .get).status == .ok)
            }
            await stack.stop()

            // A restart over the same storage finds the entry and appends after it.
            let restarted = try await ServeCertificateAuthorityDeployment.prepare(deployment.fullConfiguration)
            let again = SignetApplication.build(configuration: ServerConfiguration(host: "127.0.0.1", port: 0), services: restarted.services)
            try await again.test(.router) { client in
                #expect(try await Self.treeSize(client) == 1)
                _ = try await Self.issue(client, token: try await dev.mintToken(#"{"email":"after-restart@signet.test"}"#))
                #expect(try await Self.treeSize(client) == 2)
            }
            await restarted.stop()
        }
    }

    static let postgresURL = ProcessInfo.processInfo.environment["SIGNET_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// The CA alone with its CT log in PostgreSQL: issued entries outlive a restart.
    @Test(.enabled(if: postgresURL != nil, "needs SIGNET_TEST_POSTGRES_URL (Scripts/with-postgres)"))
    func issuesWithTheCTLogOnPostgreSQL() async throws {
        let url = try #require(Self.postgresURL)
        try await CertificateAuthorityLiveDevStack.run { dev in
            let deployment = try ServeCertificateAuthorityDeployment(issuer: dev.origin + "/oidc")
            let yaml = deployment.certificateAuthoritySection()
                + deployment.ctLogSection(storage: "{postgres: '\(url)'}", logName: "ctlog-\(UUID().uuidString.prefix(8).lowercased())")
            for expectedSize in [1, 2] {
                let stack = try await ServeCertificateAuthorityDeployment.prepare(yaml)
                let app = SignetApplication.build(configuration: ServerConfiguration(host: "127.0.0.1", port: 0), services: stack.services)
                try await app.test(.router) { client in
                    let chain = try await Self.issue(client, token: try await dev.mintToken(#"{"email":"postgres@signet.test"}"#))
                    let ctLog = try TrustedCTLog(publicKey: deployment.ctKey.publicKey)
                    #expect(try SCTVerifier(trustedLogs: [ctLog]).verifyEmbeddedSCTs(in: chain[0], issuer: chain[1]).count == 1)
                    #expect(try await Self.treeSize(client) == expectedSize)
                }
                await stack.stop()
            }
        }
    }

    /// The documented example configures the CA and CT log, and its issuer file loads.
    @Test func theDocumentedExampleConfiguresTheCAAndCTLog() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Docs/Operations.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        func block(_ marker: String) throws -> String {
            let start = try #require(text.range(of: "```yaml\n# \(marker)"))
            let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
            return String(text[start.upperBound..<end.lowerBound])
        }
        let configuration = try ServeConfiguration(yaml: try block("signetd.yaml"))
        #expect(configuration.certificateAuthority?.certificateChain == "/etc/signetd/ca/chain.pem")
        #expect(configuration.ctLog?.storage == configuration.transparencyLog?.storage)
        #expect(configuration.ctLog?.hostname == "ctlog.example.com")
        let issuers = try IssuerConfiguration(yaml: try block("issuers.yaml"))
        #expect(issuers.issuers["https://accounts.google.com"]?.type == .email)
        #expect(issuers.issuers["https://token.actions.githubusercontent.com"]?.type == .githubWorkflow)
    }

    /// `POST /api/v2/signingCert` for a fresh P-256 key; the chain, leaf first.
    static func issue(_ client: some TestClientProtocol, token: String) async throws -> [Certificate] {
        let body = try CertificateAuthorityTestStack.csrBody(for: try .generate(.ecdsaP256))
        let reply = try await client.execute(
            uri: "/api/v2/signingCert", method: .post,
            headers: [.contentType: "application/json", .authorization: "Bearer \(token)"], body: ByteBuffer(string: body)
        )
        #expect(reply.status == .ok, "\(String(buffer: reply.body))")
        return try CertificateAuthorityTestStack.chain(of: reply)
    }

    static func json(_ client: some TestClientProtocol, _ path: String) async throws -> [String: Any] {
        let reply = try await client.execute(uri: path, method: .get)
        #expect(reply.status == .ok)
        return try #require(try JSONSerialization.jsonObject(with: Data(Array(buffer: reply.body))) as? [String: Any])
    }

    static func treeSize(_ client: some TestClientProtocol) async throws -> Int? {
        try await json(client, "/ct/v1/get-sth")["tree_size"] as? Int
    }
}
