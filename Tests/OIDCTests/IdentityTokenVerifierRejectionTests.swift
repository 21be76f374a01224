import DevIdentityProvider
import Foundation
import OIDC
import SigstoreCrypto
import Testing

/// The tokens a CA must refuse (issue 4): unknown issuers, `alg: none`, HMAC with the public key,
/// bad signatures, tokens replayed from another issuer, discovery documents naming another issuer.
@Suite struct IdentityTokenVerifierRejectionTests {
    @Test func refusesAnUnknownIssuerWithoutAnyNetworkRequest() async throws {
        try await LiveIssuer.run { live in
            // A real issuer, reachable and signing correctly, but not on this verifier's list.
            let token = try await live.provider.mint(subject: "mallory@example.test")
            let verifier = try IdentityTokenVerifier(configuration: .init(issuers: [AllowedIssuer("https://issuer.example")]))
            let error = await #expect(throws: OIDCError.self) { try await verifier.verify(token) }
            #expect(error?.code == .unknownIssuer)
            #expect(try await live.fetchCounts() == (0, 0))
        }
    }

    @Test(arguments: ["none", "None", "NONE", "nOnE"])
    func refusesUnsecuredTokens(_ algorithm: String) async throws {
        try await LiveIssuer.run { live in
            let claims = TokenForger.claims(issuer: live.issuer)
            let token = TokenForger.unsigned(header: ["alg": .string(algorithm), "kid": .string(live.provider.keyID)], claims: claims)
            let error = await #expect(throws: OIDCError.self) { try await live.verifier().verify(token) }
            #expect(error?.code == .invalidSignature)
            #expect(error?.message.contains(algorithm) == true)
        }
    }

    /// The algorithm-confusion attack: an HMAC keyed with bytes the attacker knows (the issuer's
    /// public key in every form it is published).
    @Test(arguments: ["HS256", "HS384", "HS512"])
    func refusesHMACKeyedWithThePublicKey(_ algorithm: String) async throws {
        try await LiveIssuer.run { live in
            let claims = TokenForger.claims(issuer: live.issuer)
            let header: [String: JSONValue] = ["kid": .string(live.provider.keyID)]
            let secrets = [Array(live.key.publicKey.pemRepresentation.utf8), live.key.publicKey.derRepresentation, live.provider.keySetJSON]
            for secret in secrets {
                let token = TokenForger.hmacSigned(algorithm: algorithm, header: header, claims: claims, secret: secret)
                let error = await #expect(throws: OIDCError.self) { try await live.verifier().verify(token) }
                #expect(error?.code == .invalidSignature)
            }
        }
    }

    @Test(arguments: [KeyAlgorithm.ecdsaP256, .rsa(bits: 2048), .ed25519])
    func refusesABadSignature(_ key: KeyAlgorithm) async throws {
        try await LiveIssuer.run(key: key) { live in
            let token = try await live.provider.mint(subject: "trent@example.test")
            let error = await #expect(throws: OIDCError.self) { try await live.verifier().verify(TokenForger.tampered(token)) }
            #expect(error?.code == .invalidSignature)
        }
    }

    @Test func refusesAlteredClaimsUnderAValidSignature() async throws {
        try await LiveIssuer.run { live in
            let token = try await live.provider.mint(subject: "alice@example.test", email: "alice@example.test")
            let parts = token.split(separator: ".")
            var claims = try JSONDecoder().decode([String: JSONValue].self, from: Data(Base64URL.decode(parts[1])!))
            claims["email"] = "admin@example.test"
            let altered = parts[0] + "." + TokenForger.encode(claims) + "." + parts[2]
            let error = await #expect(throws: OIDCError.self) { try await live.verifier().verify(altered) }
            #expect(error?.code == .invalidSignature)
        }
    }

    /// Signed with issuer A's real key but claiming issuer B, which is also trusted: B's keys are
    /// used, and A's key is not among them.
    @Test func refusesATokenReplayedFromAnotherIssuer() async throws {
        try await LiveIssuer.run(key: .ecdsaP256) { issuerA in
            try await LiveIssuer.run(key: .rsa(bits: 2048)) { issuerB in
                let forged = try await issuerA.impostor(claiming: issuerB.issuer).mint(subject: "alice@example.test")
                let clock = TestClock()
                let verifier = try IdentityTokenVerifier(
                    configuration: .init(issuers: [AllowedIssuer(issuerA.issuer), AllowedIssuer(issuerB.issuer)]),
                    clock: clock.reading
                )
                let error = await #expect(throws: OIDCError.self) { try await verifier.verify(forged) }
                #expect(error?.code == .invalidSignature)
                #expect(try await issuerA.fetchCounts() == (0, 0))
                #expect(try await issuerB.fetchCounts() == (1, 1))
                // The same key claiming its own issuer verifies: the refusal was about the issuer.
                let genuine = try await issuerA.provider.mint(subject: "alice@example.test")
                #expect(try await verifier.verify(genuine).issuer == issuerA.issuer)
            }
        }
    }

    @Test func refusesADiscoveryDocumentThatNamesAnotherIssuer() async throws {
        try await LiveIssuer.run { live in
            // Same server and key, reached as localhost: the document still says 127.0.0.1.
            let aliased = live.issuer.replacingOccurrences(of: "127.0.0.1", with: "localhost")
            let token = try await live.impostor(claiming: aliased).mint(subject: "alice@example.test")
            let verifier = try IdentityTokenVerifier(configuration: .init(issuers: [AllowedIssuer(aliased)]))
            let error = await #expect(throws: OIDCError.self) { try await verifier.verify(token) }
            #expect(error?.code == .discoveryFailed)
            #expect(error?.message.contains("names issuer \(live.issuer)") == true)
            #expect(try await live.fetchCounts() == (1, 0))
        }
    }

    @Test func refusesAnAlgorithmTheIssuerDoesNotAdvertise() async throws {
        try await LiveIssuer.run(key: .ecdsaP256) { live in
            // A valid RS256 signature by some RSA key, presented to an ES256-only issuer.
            let rsaKey = try PrivateKey.generate(.rsa(bits: 2048))
            let token = try TokenForger.signed(
                header: ["alg": "RS256", "kid": .string(live.provider.keyID)], claims: TokenForger.claims(issuer: live.issuer), key: rsaKey
            )
            let error = await #expect(throws: OIDCError.self) { try await live.verifier().verify(token) }
            #expect(error?.code == .invalidSignature)
            #expect(error?.message.contains("does not sign with RS256") == true)
        }
    }

    @Test func refusesCriticalHeaderExtensions() async throws {
        try await LiveIssuer.run { live in
            let header: [String: JSONValue] = ["alg": "ES256", "kid": .string(live.provider.keyID), "crit": ["exp"], "exp": 1]
            let token = try TokenForger.signed(header: header, claims: TokenForger.claims(issuer: live.issuer), key: live.key)
            let error = await #expect(throws: OIDCError.self) { try await live.verifier().verify(token) }
            #expect(error?.code == .malformedToken)
        }
    }

    @Test(arguments: ["exp", "sub", "aud"])
    func refusesATokenMissingARequiredClaim(_ claim: String) async throws {
        try await LiveIssuer.run { live in
            var claims = TokenForger.claims(issuer: live.issuer)
            claims[claim] = nil
            let token = try TokenForger.signed(header: ["alg": "ES256", "kid": .string(live.provider.keyID)], claims: claims, key: live.key)
            let error = await #expect(throws: OIDCError.self) { try await live.verifier().verify(token) }
            #expect(error?.code == .invalidClaims)
        }
    }

    @Test func reportsAnUnreachableIssuer() async throws {
        // Port 9 (discard) on loopback: nothing listens there.
        let issuer = "http://127.0.0.1:9/oidc"
        let token = TokenForger.unsigned(header: ["alg": "ES256", "kid": "k"], claims: TokenForger.claims(issuer: issuer), signature: [1])
        var configuration = IdentityTokenVerifier.Configuration(issuers: [AllowedIssuer(issuer)])
        // AsyncHTTPClient retries refused connections until the request deadline.
        configuration.requestTimeout = 0.5
        let verifier = try IdentityTokenVerifier(configuration: configuration)
        let error = await #expect(throws: OIDCError.self) { try await verifier.verify(token) }
        #expect(error?.code == .discoveryFailed)
    }
}
