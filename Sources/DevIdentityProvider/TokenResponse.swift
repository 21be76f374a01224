/// The token endpoint's answer: the same JWT as `access_token` (which sigstore-python reads)
/// and `id_token` (which standard OIDC clients read), per interop contract §8.
public struct TokenResponse: Codable, Sendable, Hashable {
    public var accessToken: String
    public var idToken: String
    public var tokenType: String
    /// Seconds until the token expires.
    public var expiresIn: Int
    public var scope: String?

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
