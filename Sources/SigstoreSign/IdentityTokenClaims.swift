import Foundation

/// The claims of an OIDC identity token that a signer needs before asking the CA: the
/// proof-of-possession challenge (`email`, else `sub`), and whether the token is still valid.
///
/// The signature is *not* checked here: the CA verifies the token. Reading it first only turns
/// an expired or garbled token into a clear error without a network round trip.
struct IdentityTokenClaims {
    var issuer: String?
    var subject: String?
    var email: String?
    var emailVerified: Bool?
    var expiry: Date?

    /// What the CA expects signed as proof of possession (Fulcio's default `challengeClaim`).
    var challenge: String? { email ?? subject }

    init(token: String) throws {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = Self.base64URLDecode(String(parts[1])),
              let claims = try? JSONSerialization.jsonObject(with: payload) as? [String: Any]
        else {
            throw SigningError(.identityToken, "the identity token is not a JWT (expected three base64url parts with a JSON payload)")
        }
        issuer = claims["iss"] as? String
        subject = claims["sub"] as? String
        email = claims["email"] as? String
        emailVerified = claims["email_verified"] as? Bool
        expiry = (claims["exp"] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue) }
    }

    /// Refuses a token that has expired at `now`, lacks a subject, or has an unverified email.
    func check(at now: Date) throws {
        if let expiry, expiry <= now {
            throw SigningError(.identityToken, "the identity token expired at \(ISO8601DateFormatter().string(from: expiry)); get a fresh one")
        }
        guard challenge != nil else {
            throw SigningError(.identityToken, "the identity token has neither an email nor a subject claim")
        }
        if email != nil, emailVerified == false {
            throw SigningError(.identityToken, "the identity token's email is not verified (email_verified is false)")
        }
    }

    private static func base64URLDecode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64.append("=") }
        return Data(base64Encoded: base64)
    }
}
