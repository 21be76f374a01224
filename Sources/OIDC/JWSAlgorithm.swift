/// The JWS algorithms an identity token may be signed with.
///
/// Deliberately absent: `none` and the HMAC family (`HS256`…), whose "key" would be public and
/// which real issuers never use for ID tokens, and `ES512`.
enum JWSAlgorithm: String, Sendable, Hashable, CaseIterable {
    case rs256 = "RS256"
    case rs384 = "RS384"
    case rs512 = "RS512"
    case ps256 = "PS256"
    case ps384 = "PS384"
    case ps512 = "PS512"
    case es256 = "ES256"
    case es384 = "ES384"
    case edDSA = "EdDSA"

    /// The `kty` of keys that can verify this algorithm.
    var keyType: String {
        switch self {
        case .rs256, .rs384, .rs512, .ps256, .ps384, .ps512: "RSA"
        case .es256, .es384: "EC"
        case .edDSA: "OKP"
        }
    }

    /// The `crv` a key must have, for EC and OKP keys.
    var curve: String? {
        switch self {
        case .es256: "P-256"
        case .es384: "P-384"
        case .edDSA: "Ed25519"
        default: nil
        }
    }

    /// The algorithms an issuer signs with: those it advertises that are accepted here, or
    /// `RS256` alone when it advertises none (OpenID Connect Discovery §3).
    static func advertised(by metadata: OpenIDProviderMetadata) -> Set<JWSAlgorithm> {
        guard let names = metadata.idTokenSigningAlgValuesSupported else { return [.rs256] }
        return Set(names.compactMap(JWSAlgorithm.init(rawValue:)))
    }
}
