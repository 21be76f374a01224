/// Why an OpenID Connect identity token was refused.
public struct OIDCError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// Not a well-formed JWT (three base64url parts, JSON header and claims).
        case malformedToken
        /// The token's issuer is not on the allow-list.
        case unknownIssuer
        /// Discovery or the JWKS could not be fetched or parsed.
        case discoveryFailed
        /// The signature does not verify, the key is unknown or the algorithm is not allowed.
        case invalidSignature
        /// `exp`, `nbf` or `iat` put the token outside its validity window.
        case expired
        /// The audience does not contain the expected client ID.
        case wrongAudience
        /// A claim the issuer type requires is missing or unacceptable.
        case invalidClaims
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
