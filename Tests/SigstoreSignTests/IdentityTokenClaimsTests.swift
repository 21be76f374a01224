import Foundation
@testable import SigstoreSign
import Testing

/// The local reading of identity tokens that turns bad tokens into clear errors before any request.
@Suite struct IdentityTokenClaimsTests {
    static func token(_ claims: [String: Any]) throws -> String {
        func part(_ data: Data) -> String {
            data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        }
        return part(Data(#"{"alg":"ES256"}"#.utf8)) + "." + part(try JSONSerialization.data(withJSONObject: claims)) + ".c2ln"
    }

    @Test func challengeIsTheEmailElseTheSubject() throws {
        let now = Date()
        let exp = now.timeIntervalSince1970 + 600
        let withEmail = try IdentityTokenClaims(token: Self.token(["sub": "123", "email": "a@b.test", "email_verified": true, "exp": exp]))
        #expect(withEmail.challenge == "a@b.test")
        try withEmail.check(at: now)
        let subjectOnly = try IdentityTokenClaims(token: Self.token(["sub": "repo:o/r:ref:refs/heads/main", "exp": exp]))
        #expect(subjectOnly.challenge == "repo:o/r:ref:refs/heads/main")
    }

    @Test func refusesExpiredUnverifiedAndGarbageTokens() throws {
        let now = Date()
        let expired = try IdentityTokenClaims(token: Self.token(["sub": "x", "exp": now.timeIntervalSince1970 - 1]))
        let expiredError = #expect(throws: SigningError.self) { try expired.check(at: now) }
        #expect(expiredError?.code == .identityToken)
        #expect(expiredError?.message.contains("expired") == true)

        let unverified = try IdentityTokenClaims(token: Self.token(["sub": "x", "email": "a@b.test", "email_verified": false]))
        #expect(throws: SigningError.self) { try unverified.check(at: now) }

        for garbage in ["", "abc", "a.b", "a.!!!.c", "a.\(Data("[1]".utf8).base64EncodedString()).c"] {
            let error = #expect(throws: SigningError.self) { _ = try IdentityTokenClaims(token: garbage) }
            #expect(error?.code == .identityToken)
        }
    }
}
