/// The token endpoint's answer: the same JWT as `access_token` (which sigstore-python reads)
/// and `id_token` (which standard OIDC clients read), per interop contract §8.
public struct TokenResponse: Codable, Sendable, Hashable {
    /// The JWT, as sigstore-python reads it.
    public var accessToken: String
    /// The same JWT, as OpenID Connect clients read it.
    public var idToken: String
    /// Always `Bearer`.
    public var tokenType: String
    /// Seconds until the token expires.
    public var expiresIn: Int
    /// The granted scope.
    public var scope: String?

    /// A response carrying `token` in both `access_token` and `id_token`.
    public init(token: String, expiresIn: Int, scope: String? = "openid email") {
        accessToken = token
        idToken = token
        tokenType = "Bearer"
        self.expiresIn = expiresIn
        self.scope = scope
    }

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case idToken = "id_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case scope
    }
}
