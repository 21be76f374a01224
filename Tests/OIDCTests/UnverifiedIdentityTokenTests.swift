import Foundation
import OIDC
import Testing

@Suite struct UnverifiedIdentityTokenTests {
    static let base: [String: JSONValue] = [
        "iss": "https://issuer.example", "sub": "1234567890", "aud": "sigstore", "exp": 2_000_000_000, "iat": 1_999_999_400,
    ]

    static func token(_ claims: [String: JSONValue], header: [String: JSONValue] = ["alg": "RS256", "kid": "k"]) -> String {
        TokenForger.unsigned(header: header, claims: claims, signature: [0x01, 0x02])
    }

    @Test func decodesRegisteredAndCustomClaims() throws {
        var claims = Self.base
        claims["email"] = "alice@example.test"
        claims["email_verified"] = true
        claims["groups"] = ["a", "b"]
        claims["nbf"] = 1_999_999_400.5
        let token = try UnverifiedIdentityToken(Self.token(claims))
        #expect(token.issuer == "https://issuer.example")
        #expect(token.subject == "1234567890")
        #expect(token.audiences == ["sigstore"])
        #expect(token.expiresAt == Date(timeIntervalSince1970: 2_000_000_000))
        #expect(token.issuedAt == Date(timeIntervalSince1970: 1_999_999_400))
        #expect(token.notBefore == Date(timeIntervalSince1970: 1_999_999_400.5))
        #expect(token.claims["groups"] == ["a", "b"])
        #expect(token.claims["exp"] == .integer(2_000_000_000))
        #expect(try token.signingIdentity() == "alice@example.test")
    }

    @Test(arguments: [
        (JSONValue.bool(true), true), (.string("true"), true), (.bool(false), false), (.string("false"), false), (.integer(1), false),
    ])
    func readsEmailVerification(_ value: JSONValue, _ verified: Bool) throws {
        var claims = Self.base
        claims["email"] = "alice@example.test"
        claims["email_verified"] = value
        let token = try UnverifiedIdentityToken(Self.token(claims))
        #expect(token.isEmailVerified == verified)
        if verified {
            #expect(try token.signingIdentity() == "alice@example.test")
        } else {
            // sigstore-go and cosign refuse such a token before contacting the CA.
            #expect { try token.signingIdentity() } throws: { ($0 as? OIDCError)?.code == .invalidClaims }
        }
    }

    @Test func usesTheSubjectWhenThereIsNoEmail() throws {
        #expect(try UnverifiedIdentityToken(Self.token(Self.base)).signingIdentity() == "1234567890")
    }

    @Test(arguments: [
        "", "abc", "a.b", "a.b.c.d", "!!!.e30.", "e30.!!!.", "e30.e30.!!!",
        "W10.e30.", "e30.W10.", "bnVsbA.e30.", "e30.eyJpc3MiOg.", "e30=.e30.",
    ])
    func refusesMalformedTokens(_ token: String) {
        #expect { try UnverifiedIdentityToken(token) } throws: { ($0 as? OIDCError)?.code == .malformedToken }
    }

    @Test func refusesOversizedTokens() {
        var claims = Self.base
        claims["padding"] = .string(String(repeating: "x", count: OIDCLimits.maxTokenBytes))
        #expect { try UnverifiedIdentityToken(Self.token(claims)) } throws: { ($0 as? OIDCError)?.code == .malformedToken }
    }

    @Test(arguments: [
        ("iss", nil as JSONValue?), ("iss", .integer(1)), ("sub", nil), ("sub", .string("")), ("aud", nil), ("aud", .array([])),
        ("aud", .array([.integer(1)])), ("exp", nil), ("exp", .string("tomorrow")), ("exp", .number(1e300)), ("nbf", .string("now")),
        ("email", .integer(3)),
    ])
    func refusesMissingOrMistypedClaims(_ name: String, _ value: JSONValue?) {
        var claims = Self.base
        claims[name] = value
        #expect { try UnverifiedIdentityToken(Self.token(claims)) } throws: { ($0 as? OIDCError)?.code == .invalidClaims }
    }
}
