import DevIdentityProvider
import Foundation
import JWTKit
import OIDC
import SigstoreCrypto
import Testing

@Suite struct DevIdentityProviderTests {
    static let issuer = "http://127.0.0.1:8080/oidc"
    static let now = Date(timeIntervalSince1970: 1_750_000_000)

    static func provider(_ algorithm: KeyAlgorithm = .ecdsaP256) throws -> DevIdentityProvider {
        try DevIdentityProvider(issuer: issuer, signingKey: try PrivateKey.generate(algorithm), clock: { now })
    }

    /// Interop contract §8: exactly these members, with the ES256 key's algorithm.
    @Test func servesExactlyTheContractDiscoveryMembers() async throws {
        let json = try JSONSerialization.jsonObject(with: Data(await Self.provider().discoveryDocumentJSON())) as? [String: Any]
        let document = try #require(json)
        #expect(Set(document.keys) == [
            "issuer", "jwks_uri", "authorization_endpoint", "token_endpoint", "response_types_supported",
            "subject_types_supported", "id_token_signing_alg_values_supported", "code_challenge_methods_supported",
        ])
        #expect(document["issuer"] as? String == Self.issuer)
        #expect(document["jwks_uri"] as? String == Self.issuer + "/jwks")
        #expect(document["authorization_endpoint"] as? String == Self.issuer + "/auth")
        #expect(document["token_endpoint"] as? String == Self.issuer + "/token")
        #expect(document["response_types_supported"] as? [String] == ["code"])
        #expect(document["subject_types_supported"] as? [String] == ["public"])
        #expect(document["id_token_signing_alg_values_supported"] as? [String] == ["ES256"])
        #expect(document["code_challenge_methods_supported"] as? [String] == ["S256"])
    }

    struct Claims: JWTPayload, Equatable {
        var iss: String
        var sub: String
        var aud: String
        var exp: Int
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// jwt-kit, an implementation independent of the provider's signer, reads the published JWKS
    /// and verifies minted tokens with it.
    @Test(arguments: [(KeyAlgorithm.ecdsaP256, "ES256"), (.ecdsaP384, "ES384"), (.rsa(bits: 2048), "RS256"), (.ed25519, "EdDSA")])
    func publishesAKeySetThatVerifiesItsTokens(_ key: KeyAlgorithm, _ algorithm: String) async throws {
        let provider = try Self.provider(key)
        let jwks = try JSONDecoder().decode(JWKS.self, from: Data(provider.keySetJSON))
        #expect(jwks.keys.count == 1)
        #expect(jwks.keys.first?.keyIdentifier?.string == provider.keyID)
        #expect(jwks.keys.first?.algorithm?.rawValue == algorithm)
        let collection = JWTKeyCollection()
        try await collection.add(jwks: jwks)

        let token = try await provider.mint(subject: "alice@example.test", email: "alice@example.test")
        let claims = try await collection.verify(token, as: Claims.self)
        #expect(claims == Claims(iss: Self.issuer, sub: "alice@example.test", aud: "sigstore", exp: 1_750_000_600))
        #expect(try TokenInspection.header(of: token) == ["alg": .string(algorithm), "kid": .string(provider.keyID), "typ": "JWT"])
    }

    @Test func publishesTheKeyAsASigningJWKNamedByItsThumbprint() throws {
        let provider = try Self.provider()
        let jwk = try #require(provider.keySet.keys.first)
        #expect(jwk.keyType == "EC")
        #expect(jwk.curve == "P-256")
        #expect(jwk.use == "sig")
        #expect(jwk.keyID == jwk.thumbprint)
        #expect(provider.keyID == jwk.thumbprint)
        #expect(!String(decoding: provider.keySetJSON, as: UTF8.self).contains("\"d\""))
    }

    @Test func mintsTheRegisteredClaimsAndAVerifiedEmail() async throws {
        let provider = try Self.provider()
        let token = try await provider.mint(subject: "alice@example.test", email: "alice@example.test", audience: "client", lifetime: 90)
        let claims = try TokenInspection.claims(of: token)
        #expect(claims["iss"] == .string(Self.issuer))
        #expect(claims["sub"] == "alice@example.test")
        #expect(claims["aud"] == "client")
        #expect(claims["iat"] == .integer(1_750_000_000))
        #expect(claims["nbf"] == .integer(1_750_000_000))
        #expect(claims["exp"] == .integer(1_750_000_090))
        #expect(claims["email"] == "alice@example.test")
        #expect(claims["email_verified"] == true)
        let other = try TokenInspection.claims(of: try await provider.mint(subject: "alice@example.test"))
        #expect(other["jti"] != claims["jti"])
        #expect(other["email"] == nil)
    }

    @Test func letsExtraClaimsMarkAnEmailUnverified() async throws {
        let token = try await Self.provider().mint(subject: "x", email: "x@example.test", extraClaims: ["email_verified": false, "team": "blue"])
        let claims = try TokenInspection.claims(of: token)
        #expect(claims["email_verified"] == false)
        #expect(claims["team"] == "blue")
    }

    @Test(arguments: ["iss", "sub", "aud", "iat", "nbf", "exp", "jti"])
    func refusesExtraClaimsThatOverrideRegisteredOnes(_ name: String) async throws {
        let provider = try Self.provider()
        await #expect { try await provider.mint(subject: "x", extraClaims: [name: "forged"]) } throws: {
            ($0 as? DevIdentityProviderError)?.code == .invalidRequest
        }
    }

    @Test(arguments: [0.0, -5, 86_401])
    func boundsTheLifetime(_ lifetime: TimeInterval) async throws {
        let provider = try Self.provider()
        await #expect { try await provider.mint(subject: "x", lifetime: lifetime) } throws: {
            ($0 as? DevIdentityProviderError)?.code == .invalidRequest
        }
    }

    @Test func refusesKeysJWTCannotUse() throws {
        #expect { try DevIdentityProvider(issuer: Self.issuer, signingKey: try PrivateKey.generate(.ecdsaP521)) } throws: {
            ($0 as? DevIdentityProviderError)?.code == .mintingFailed
        }
    }

    @Test func movesToANewIssuer() async throws {
        let provider = try Self.provider()
        await provider.setIssuer("http://127.0.0.1:41234/oidc")
        #expect(await provider.discoveryDocument.jwksURI == "http://127.0.0.1:41234/oidc/jwks")
        let claims = try TokenInspection.claims(of: try await provider.mint(subject: "x"))
        #expect(claims["iss"] == "http://127.0.0.1:41234/oidc")
    }

    /// The dev endpoint's JSON request, as `signet dev-token` sends it.
    @Test(arguments: [
        (#"{}"#, DevIdentityProvider.defaultUser, DevIdentityProvider.defaultUser as String?),
        (#"{"subject":"robot-7"}"#, "robot-7", nil),
        (#"{"email":"alice@example.test"}"#, "alice@example.test", "alice@example.test"),
        (#"{"subject":"123","email":"bob@example.test","audience":"sigstore"}"#, "123", "bob@example.test"),
        (#"{"githubActions":{"repository":"octo/app"}}"#, "repo:octo/app:ref:refs/heads/main", nil),
    ])
    func mintsFromDevTokenRequests(_ json: String, _ subject: String, _ email: String?) async throws {
        let reply = try await Self.provider().devToken(jsonRequest: Array(json.utf8))
        let token = try #require(try JSONDecoder().decode([String: String].self, from: Data(reply))["token"])
        let claims = try TokenInspection.claims(of: token)
        #expect(claims["sub"] == .string(subject))
        #expect(claims["email"]?.stringValue == email)
    }

    @Test func appliesTheDevRequestLifetimeAndClaims() async throws {
        let json = #"{"subject":"s","lifetimeSeconds":120,"audience":"other","claims":{"team":"blue"}}"#
        let reply = try await Self.provider().devToken(jsonRequest: Array(json.utf8))
        let token = try #require(try JSONDecoder().decode([String: String].self, from: Data(reply))["token"])
        let claims = try TokenInspection.claims(of: token)
        #expect(claims["exp"] == .integer(1_750_000_120))
        #expect(claims["aud"] == "other")
        #expect(claims["team"] == "blue")
    }

    @Test(arguments: [#"not json"#, #"{"lifetimeSeconds":"long"}"#, #"{"githubActions":{"repository":"no-slash"}}"#, #"{"claims":{"iss":"x"}}"#])
    func refusesBadDevTokenRequests(_ json: String) async throws {
        let provider = try Self.provider()
        await #expect { try await provider.devToken(jsonRequest: Array(json.utf8)) } throws: {
            ($0 as? DevIdentityProviderError)?.code == .invalidRequest
        }
    }
}
