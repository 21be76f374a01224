import DevIdentityProvider
import Foundation
import OIDC
@testable import ServerSupport
import SwiftASN1
import Testing
import X509

/// `signetd --dev` end to end over a real socket: port 0, GitHub Actions identities, and a CA
/// made by `signetd ca init`.
@Suite struct CertificateAuthorityDevStackTests {
    /// With port 0, the issuer and every URL of the trust configuration name the port bound.
    @Test func portZeroNamesTheBoundPortEverywhere() async throws {
        try await CertificateAuthorityLiveDevStack.run { stack in
            #expect(stack.port > 0)
            #expect(stack.trustConfig == stack.directory.appendingPathComponent("trust_config.json"))
            let text = try String(contentsOf: stack.trustConfig, encoding: .utf8)
            let urls = Self.urls(in: try JSONSerialization.jsonObject(with: Data(text.utf8)))
            #expect(urls.count >= 4)
            for url in urls {
                #expect(url.hasPrefix(stack.origin + "/") || url == stack.origin, "\(url)")
            }
            #expect(!text.contains("127.0.0.1:0"))

            let discovery = try await stack.request("/oidc/.well-known/openid-configuration")
            let document = try JSONSerialization.jsonObject(with: Data(discovery.body)) as? [String: Any]
            #expect(document?["issuer"] as? String == stack.origin + "/oidc")

            // A token minted now carries the real port, and the CA takes it.
            let token = try await stack.mintToken(#"{"email":"port-zero@signet.test"}"#)
            let chain = try await stack.issue(token: token)
            let san = try #require(try chain.first?.extensions.subjectAlternativeNames)
            #expect(Array(san) == [.rfc822Name("port-zero@signet.test")])
            #expect(try Self.utf8Extension(.issuerV2, of: chain[0]) == stack.origin + "/oidc")
        }
    }

    /// `signet dev-token --github-actions` tokens: the SAN is the workflow URI and the Sigstore
    /// extensions carry the workflow run, as public-good Fulcio writes them for GitHub.
    @Test func githubActionsTokensGetTheWorkflowIdentity() async throws {
        try await CertificateAuthorityLiveDevStack.run { stack in
            let token = try await stack.mintToken(#"{"githubActions":{"repository":"octo-org/app","ref":"refs/tags/v1.2.3","eventName":"release"}}"#)
            let workflow = GitHubActionsWorkflow(repository: "octo-org/app", ref: "refs/tags/v1.2.3", eventName: "release")
            var claims: [String: String] = [:]
            for (name, value) in try workflow.claims() {
                claims[name] = value.stringValue
            }
            let chain = try await stack.issue(token: token)
            let leaf = chain[0]
            let workflowURI = "https://github.com/octo-org/app/.github/workflows/release.yml@refs/tags/v1.2.3"
            #expect(Array(try #require(try leaf.extensions.subjectAlternativeNames)) == [.uniformResourceIdentifier(workflowURI)])
            let sha = try #require(claims["sha"])
            let expected: [(SigstoreOID, String)] = [
                (.issuerV2, stack.origin + "/oidc/github-actions"),
                (.buildSignerURI, workflowURI),
                (.buildSignerDigest, try #require(claims["job_workflow_sha"])),
                (.runnerEnvironment, "github-hosted"),
                (.sourceRepositoryURI, "https://github.com/octo-org/app"),
                (.sourceRepositoryDigest, sha),
                (.sourceRepositoryRef, "refs/tags/v1.2.3"),
                (.sourceRepositoryIdentifier, try #require(claims["repository_id"])),
                (.sourceRepositoryOwnerURI, "https://github.com/octo-org"),
                (.sourceRepositoryOwnerIdentifier, try #require(claims["repository_owner_id"])),
                (.buildConfigURI, "https://github.com/" + (try #require(claims["workflow_ref"]))),
                (.buildConfigDigest, try #require(claims["workflow_sha"])),
                (.buildTrigger, "release"),
                (.runInvocationURI, "https://github.com/octo-org/app/actions/runs/\(try #require(claims["run_id"]))/attempts/\(try #require(claims["run_attempt"]))"),
                (.sourceRepositoryVisibility, "public"),
            ]
            for (oid, value) in expected {
                #expect(try Self.utf8Extension(oid, of: leaf) == value, "extension \(oid)")
            }
            // The deprecated raw-value extensions .1.1–.1.6.
            #expect(try Self.rawExtension(.issuerV1, of: leaf) == stack.origin + "/oidc/github-actions")
            #expect(try Self.rawExtension(.githubWorkflowTrigger, of: leaf) == "release")
            #expect(try Self.rawExtension(.githubWorkflowSHA, of: leaf) == sha)
            #expect(try Self.rawExtension(.githubWorkflowRepository, of: leaf) == "octo-org/app")
            #expect(try Self.rawExtension(.githubWorkflowRef, of: leaf) == "refs/tags/v1.2.3")
            try Self.expectOpenSSLAccepts(chain)

            // An email token from the same dev issuer still gets an email identity.
            let email = try await stack.issue(token: try await stack.mintToken(#"{"email":"dev@signet.test"}"#))
            #expect(Array(try #require(try email[0].extensions.subjectAlternativeNames)) == [.rfc822Name("dev@signet.test")])
            #expect(try Self.utf8Extension(.buildSignerURI, of: email[0]) == nil)
        }
    }

    /// The GitHub issuer has its own discovery document naming it, with the same keys.
    @Test func theGitHubActionsIssuerIsDiscoverable() async throws {
        try await CertificateAuthorityLiveDevStack.run { stack in
            let reply = try await stack.request("/oidc/github-actions/.well-known/openid-configuration")
            #expect(reply.status == 200)
            let document = try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any]
            #expect(document?["issuer"] as? String == stack.origin + "/oidc/github-actions")
            #expect(document?["jwks_uri"] as? String == stack.origin + "/oidc/jwks")
        }
    }

    static func expectOpenSSLAccepts(_ chain: [Certificate]) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("signet-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CertificateAuthorityLiveDevStack.opensslVerify(chain, in: directory)
        #expect(output.contains(": OK"))
    }

    /// Every string under a `url` or `baseUrl` key.
    static func urls(in json: Any) -> [String] {
        if let object = json as? [String: Any] {
            return object.flatMap { key, value -> [String] in
                if ["url", "baseUrl"].contains(key), let url = value as? String { return [url] }
                return urls(in: value)
            }
        }
        if let array = json as? [Any] { return array.flatMap(urls(in:)) }
        return []
    }

    /// Sigstore extension OIDs used here (1.3.6.1.4.1.57264.1.N).
    enum SigstoreOID: UInt, CustomStringConvertible {
        case issuerV1 = 1, githubWorkflowTrigger = 2, githubWorkflowSHA = 3, githubWorkflowRepository = 5, githubWorkflowRef = 6
        case issuerV2 = 8, buildSignerURI = 9, buildSignerDigest = 10, runnerEnvironment = 11, sourceRepositoryURI = 12
        case sourceRepositoryDigest = 13, sourceRepositoryRef = 14, sourceRepositoryIdentifier = 15, sourceRepositoryOwnerURI = 16
        case sourceRepositoryOwnerIdentifier = 17, buildConfigURI = 18, buildConfigDigest = 19, buildTrigger = 20
        case runInvocationURI = 21, sourceRepositoryVisibility = 22

        var oid: ASN1ObjectIdentifier { [1, 3, 6, 1, 4, 1, 57264, 1, rawValue] }
        var description: String { "1.3.6.1.4.1.57264.1.\(rawValue)" }
    }

    /// A `.1.8`-style extension: a DER UTF8String.
    static func utf8Extension(_ oid: SigstoreOID, of certificate: Certificate) throws -> String? {
        guard let ext = certificate.extensions.first(where: { $0.oid == oid.oid }) else { return nil }
        return String(try ASN1UTF8String(derEncoded: ext.value))
    }

    /// A deprecated `.1.1`–`.1.6` extension: the raw bytes of the value.
    static func rawExtension(_ oid: SigstoreOID, of certificate: Certificate) throws -> String? {
        guard let ext = certificate.extensions.first(where: { $0.oid == oid.oid }) else { return nil }
        return String(decoding: ext.value, as: UTF8.self)
    }
}
