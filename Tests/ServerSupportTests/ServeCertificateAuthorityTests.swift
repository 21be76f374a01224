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
