/// Why the development identity provider refused a request.
public struct DevIdentityProviderError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// The token request is malformed (grant type, code, PKCE verifier, redirect URI).
        case invalidRequest
        /// Minting failed (signing error).
        case mintingFailed
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
