public import Foundation

/// The claims of an OpenID Connect identity token, with the registered ones parsed.
///
/// Parsing checks only shape (`iss`, `sub`, `aud` and `exp` present, each of the right type);
/// whether the token is trustworthy is ``IdentityTokenVerifier``'s job.
public struct IdentityClaims: Sendable, Hashable {
    /// `iss`, verbatim.
    public let issuer: String
    /// `sub`.
    public let subject: String
    /// `aud`, as a list even when the token carries a single string.
    public let audiences: [String]
    /// `exp`.
    public let expiresAt: Date
    /// `nbf`, if present.
    public let notBefore: Date?
    /// `iat`, if present.
    public let issuedAt: Date?
    /// `email`, if present.
    public let email: String?
    /// Whether `email_verified` is `true` (the JSON boolean, or the string `"true"` some issuers send).
    public let isEmailVerified: Bool
    /// Every claim, registered or not.
    public let all: [String: JSONValue]

    /// Parses the registered claims out of a claims set.
    ///
    /// - Throws: ``OIDCError`` `.invalidClaims` when a required claim is missing or mistyped.
    public init(_ claims: [String: JSONValue]) throws(OIDCError) {
        all = claims
        issuer = try Self.requiredString("iss", in: claims)
        subject = try Self.requiredString("sub", in: claims)
        switch claims["aud"] {
        case .string(let audience) where !audience.isEmpty:
            audiences = [audience]
        case .array(let values):
            let strings = values.compactMap(\.stringValue)
            guard strings.count == values.count, !strings.isEmpty else {
                throw OIDCError(.invalidClaims, "the aud claim must be a string or a non-empty array of strings")
            }
            audiences = strings
        default:
            throw OIDCError(.invalidClaims, "the token has no aud claim")
        }
        guard let expiresAt = try Self.date("exp", in: claims) else {
            throw OIDCError(.invalidClaims, "the token has no exp claim")
        }
        self.expiresAt = expiresAt
        notBefore = try Self.date("nbf", in: claims)
        issuedAt = try Self.date("iat", in: claims)
        switch claims["email"] {
        case nil, .null: email = nil
        case .string(let value): email = value
        default: throw OIDCError(.invalidClaims, "the email claim must be a string")
        }
        switch claims["email_verified"] {
        case .bool(let value): isEmailVerified = value
        case .string(let value): isEmailVerified = value == "true"
        default: isEmailVerified = false
        }
    }

    /// The claim named `name`, if present.
    public subscript(name: String) -> JSONValue? {
        all[name]
    }

    private static func requiredString(_ name: String, in claims: [String: JSONValue]) throws(OIDCError) -> String {
        guard let value = claims[name]?.stringValue, !value.isEmpty else {
            throw OIDCError(.invalidClaims, "the token has no \(name) claim (a non-empty string)")
        }
        return value
    }

    /// A NumericDate claim: seconds since the epoch, integral or not.
    private static func date(_ name: String, in claims: [String: JSONValue]) throws(OIDCError) -> Date? {
        guard let value = claims[name], value != .null else { return nil }
        // Within ±10^11 s (about 3,000 years) so that Date arithmetic stays exact and finite.
        guard let seconds = value.numberValue, seconds.isFinite, abs(seconds) < 1e11 else {
            throw OIDCError(.invalidClaims, "the \(name) claim must be a number of seconds since 1970")
        }
        return Date(timeIntervalSince1970: seconds)
    }
}
