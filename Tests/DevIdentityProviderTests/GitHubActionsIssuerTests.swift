import DevIdentityProvider
import Foundation
import OIDC
import SigstoreCrypto
import Testing

/// A provider that separates its GitHub Actions issuer mints GitHub-shaped tokens under
/// `<issuer>/github-actions`, so a CA can type that issuer `github-workflow`.
@Suite struct GitHubActionsIssuerTests {
    static let issuer = "http://127.0.0.1:8080/oidc"

    static func provider(separate: Bool) throws -> DevIdentityProvider {
        try DevIdentityProvider(issuer: issuer, signingKey: try PrivateKey.generate(.ecdsaP256), separateGitHubActionsIssuer: separate)
    }

    @Test func separatedGitHubTokensComeFromTheSecondIssuer() async throws {
        let provider = try Self.provider(separate: true)
        #expect(await provider.githubActionsIssuer == Self.issuer + "/github-actions")
        let github = try TokenInspection.claims(of: try await provider.mint(githubActions: GitHubActionsWorkflow(repository: "octo/app")))
        #expect(github["iss"] == .string(Self.issuer + "/github-actions"))
        #expect(github["sub"] == "repo:octo/app:ref:refs/heads/main")
        let email = try TokenInspection.claims(of: try await provider.mint(subject: "a@signet.test", email: "a@signet.test"))
        #expect(email["iss"] == .string(Self.issuer))

        // The dev minting endpoint (what `signet dev-token --github-actions` calls) does the same.
        let reply = try await provider.devToken(jsonRequest: Array(#"{"githubActions":{"repository":"octo/app"}}"#.utf8))
        let token = try #require(try JSONDecoder().decode([String: String].self, from: Data(reply))["token"])
        #expect(try TokenInspection.claims(of: token)["iss"] == .string(Self.issuer + "/github-actions"))
    }

    @Test func theSecondIssuerHasItsOwnDiscoveryDocumentAndFollowsSetIssuer() async throws {
        let provider = try Self.provider(separate: true)
        await provider.setIssuer("http://127.0.0.1:40404/oidc")
        let json = try #require(await provider.githubActionsDiscoveryDocumentJSON())
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        #expect(document["issuer"] as? String == "http://127.0.0.1:40404/oidc/github-actions")
        #expect(document["jwks_uri"] as? String == "http://127.0.0.1:40404/oidc/jwks")
    }

    @Test func withoutSeparationGitHubTokensKeepTheMainIssuer() async throws {
        let provider = try Self.provider(separate: false)
        #expect(await provider.githubActionsIssuer == Self.issuer)
        #expect(await provider.githubActionsDiscoveryDocumentJSON() == nil)
        let github = try TokenInspection.claims(of: try await provider.mint(githubActions: GitHubActionsWorkflow(repository: "octo/app")))
        #expect(github["iss"] == .string(Self.issuer))
    }
}
