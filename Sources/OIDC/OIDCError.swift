/// Why an OpenID Connect identity token was refused.
///
/// Match on ``code``; ``message`` is for people and may change.
public struct OIDCError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The matchable kinds of failure.
    public enum Code: Sendable, Hashable {
        /// Not a well-formed JWT (three base64url parts, JSON header and claims).
        case malformedToken
        /// The token's issuer is not on the allow-list.
        case unknownIssuer
        /// Discovery or the JWKS could not be fetched or parsed, or the discovery document's
        /// `issuer` differs from the token's `iss`.
        case discoveryFailed
        /// The signature does not verify, the key is unknown or the algorithm is not allowed
        /// (`none`, HMAC, or one the issuer does not advertise).
        case invalidSignature
        /// `exp` is in the past, beyond the allowed clock skew.
        case expired
        /// `nbf` or `iat` is in the future, beyond the allowed clock skew.
        case notYetValid
        /// The audience does not contain the expected client ID.
        case wrongAudience
        /// A claim is missing or has the wrong type, or a claim the caller requires is unacceptable
        /// (for example an unverified `email`).
        case invalidClaims
        /// The verifier's own configuration is unusable (bad issuer pattern, skew out of bounds).
        case invalidConfiguration
    }

    /// The matchable kind of failure.
    public var code: Code
    /// A human-readable explanation.
    public var message: String

    /// Creates an error with a code and an explanation.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
