import DevIdentityProvider
import Foundation
import OIDC
import SigstoreCrypto
import Testing

/// Tokens a real issuer (served over HTTP) mints, verified end to end: discovery, JWKS, signature
/// and claims.
@Suite struct IdentityTokenVerifierTests {
    @Test(arguments: [
        (KeyAlgorithm.ecdsaP256, "ES256"), (.ecdsaP384, "ES384"), (.rsa(bits: 2048), "RS256"), (.ed25519, "EdDSA"),
    ])
    func acceptsAValidTokenFromARealIssuer(_ key: KeyAlgorithm, _ algorithm: String) async throws {
        try await LiveIssuer.run(key: key) { live in
            let token = try await live.provider.mint(subject: "alice@example.test", email: "alice@example.test")
            let verified = try await live.verifier().verify(token)
            #expect(verified.issuer == live.issuer)
            #expect(verified.subject == "alice@example.test")
            #expect(verified.email == "alice@example.test")
            #expect(verified.isEmailVerified)
            #expect(verified.audiences == ["sigstore"])
            #expect(verified.algorithm == algorithm)
            #expect(verified.keyID == live.provider.keyID)
            #expect(verified.allowedIssuer == AllowedIssuer(live.issuer))
            #expect(verified.claims["jti"]?.stringValue?.isEmpty == false)
        }
    }

    /// The token is minted at T with `iat` = `nbf` = T and `exp` = T + 600; the verifier's clock
    /// is at T + offset, with 60 s of allowed skew.
    @Test(arguments: [
        (300.0, nil as OIDCError.Code?), (659, nil), (661, .expired), (-59, nil), (-61, .notYetValid), (10_000, .expired),
    ])
    func enforcesTheValidityWindowWithBoundedSkew(_ offset: TimeInterval, _ expected: OIDCError.Code?) async throws {
        let mintedAt = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        try await LiveIssuer.run { live in
            let minter = try DevIdentityProvider(issuer: live.issuer, signingKey: live.key, clock: { mintedAt })
            let token = try await minter.mint(subject: "bob@example.test", lifetime: 600)
            let verifier = try live.verifier(clock: TestClock(mintedAt.addingTimeInterval(offset)))
            let outcome = await Self.code(of: { try await verifier.verify(token) })
            #expect(outcome == expected)
        }
    }

    @Test func acceptsAnAudienceArrayContainingTheClientID() async throws {
        try await LiveIssuer.run { live in
            let kid: JSONValue = .string(live.provider.keyID)
            let claims = TokenForger.claims(issuer: live.issuer, audience: ["other-client", "sigstore"])
            let token = try TokenForger.signed(header: ["alg": "ES256", "kid": kid], claims: claims, key: live.key)
            let verified = try await live.verifier().verify(token)
            #expect(verified.audiences == ["other-client", "sigstore"])
        }
    }

    @Test func refusesAWrongAudienceBeforeFetchingKeys() async throws {
        try await LiveIssuer.run { live in
            let token = try await live.provider.mint(subject: "carol@example.test", audience: "not-sigstore")
            let error = await #expect(throws: OIDCError.self) { try await live.verifier().verify(token) }
            #expect(error?.code == .wrongAudience)
            #expect(try await live.fetchCounts() == (0, 0))
        }
    }

    @Test func checksTheAudienceConfiguredForTheIssuer() async throws {
        try await LiveIssuer.run { live in
            let token = try await live.provider.mint(subject: "dave@example.test", audience: "custom-client")
            let verifier = try live.verifier { $0.issuers = [AllowedIssuer(live.issuer, audience: "custom-client")] }
            #expect(try await verifier.verify(token).audiences == ["custom-client"])
        }
    }

    @Test func matchesTheIssuerThroughAMetaIssuerPattern() async throws {
        try await LiveIssuer.run { live in
            let token = try await live.provider.mint(subject: "erin@example.test")
            let verifier = try live.verifier { $0.issuers = [AllowedIssuer(metaIssuer: "http://127.0.0.1:*/oidc")] }
            let verified = try await verifier.verify(token)
            #expect(verified.allowedIssuer.match == .metaIssuer("http://127.0.0.1:*/oidc"))
        }
    }

    @Test func carriesGitHubActionsClaimsThrough() async throws {
        try await LiveIssuer.run { live in
            let workflow = GitHubActionsWorkflow(repository: "octo-org/octo-repo", ref: "refs/tags/v1.2.3")
            let token = try await live.provider.mint(githubActions: workflow)
            let verified = try await live.verifier().verify(token)
            #expect(verified.subject == "repo:octo-org/octo-repo:ref:refs/tags/v1.2.3")
            #expect(verified.claims["job_workflow_ref"] == "octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v1.2.3")
            #expect(verified.claims["ref_type"] == "tag")
            #expect(verified.email == nil)
        }
    }

    static func code(of body: () async throws -> VerifiedIdentityToken) async -> OIDCError.Code? {
        do {
            _ = try await body()
            return nil
        } catch let error as OIDCError {
            return error.code
        } catch {
            return .invalidConfiguration
        }
    }
}
