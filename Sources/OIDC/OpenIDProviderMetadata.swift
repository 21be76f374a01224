/// An OpenID Provider's discovery document (OpenID Connect Discovery 1.0 §3), as served at
/// `<issuer>/.well-known/openid-configuration`.
///
/// Only the members Sigstore uses are modelled; others are ignored when decoding and absent
/// members are omitted when encoding.
public struct OpenIDProviderMetadata: Codable, Sendable, Hashable {
    /// The issuer identifier: must equal the `iss` of the tokens it vouches for, exactly.
    public var issuer: String
    /// Where the issuer's signing keys are published.
    public var jwksURI: String
    /// Where a user agent is sent to sign in (authorization code flow).
    public var authorizationEndpoint: String?
    /// Where a client exchanges an authorization code for tokens.
    public var tokenEndpoint: String?
    /// The OAuth `response_type` values supported (`code`).
    public var responseTypesSupported: [String]?
    /// The subject identifier types (`public`, `pairwise`).
    public var subjectTypesSupported: [String]?
    /// The JWS algorithms the issuer signs ID tokens with; absent means `RS256` only.
    public var idTokenSigningAlgValuesSupported: [String]?
    /// The PKCE methods supported (`S256`).
    public var codeChallengeMethodsSupported: [String]?

    /// A document with the given members; absent ones are omitted when encoded.
    public init(
        issuer: String,
        jwksURI: String,
        authorizationEndpoint: String? = nil,
        tokenEndpoint: String? = nil,
        responseTypesSupported: [String]? = nil,
        subjectTypesSupported: [String]? = nil,
        idTokenSigningAlgValuesSupported: [String]? = nil,
        codeChallengeMethodsSupported: [String]? = nil
    ) {
        self.issuer = issuer
        self.jwksURI = jwksURI
        self.authorizationEndpoint = authorizationEndpoint
        self.tokenEndpoint = tokenEndpoint
        self.responseTypesSupported = responseTypesSupported
        self.subjectTypesSupported = subjectTypesSupported
        self.idTokenSigningAlgValuesSupported = idTokenSigningAlgValuesSupported
        self.codeChallengeMethodsSupported = codeChallengeMethodsSupported
    }

    /// Where the discovery document of `issuer` lives: a trailing `/` on the issuer is dropped
    /// before `/.well-known/openid-configuration` is appended (Discovery §4).
    public static func location(forIssuer issuer: String) -> String {
        (issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer) + "/.well-known/openid-configuration"
    }

    enum CodingKeys: String, CodingKey {
        case issuer
        case jwksURI = "jwks_uri"
        case authorizationEndpoint = "authorization_endpoint"
        case tokenEndpoint = "token_endpoint"
        case responseTypesSupported = "response_types_supported"
        case subjectTypesSupported = "subject_types_supported"
        case idTokenSigningAlgValuesSupported = "id_token_signing_alg_values_supported"
        case codeChallengeMethodsSupported = "code_challenge_methods_supported"
    }
}
