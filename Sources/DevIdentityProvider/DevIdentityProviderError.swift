/// Why the development identity provider refused a request.
///
/// Match on ``code``; ``message`` is for people and may change.
public struct DevIdentityProviderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The matchable kinds of failure.
    public enum Code: Sendable, Hashable {
        /// The request is malformed: a missing or unsupported parameter, a redirect URI that is
        /// not loopback, PKCE missing or not S256, claims that would override registered ones.
        case invalidRequest
        /// The authorization code is unknown, expired or already used, or the PKCE verifier,
        /// client ID or redirect URI does not match the authorization request.
        case invalidGrant
        /// Minting failed (signing error).
        case mintingFailed
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
