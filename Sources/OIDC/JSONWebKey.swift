/// One JSON Web Key (RFC 7517), public members only.
///
/// Decoding is lenient (unknown key types and members are kept or ignored, so one odd key does
/// not spoil a whole set); the verifier decides which keys it can use. Private members are never
/// modelled, but their presence is noted so such keys can be refused.
public struct JSONWebKey: Codable, Sendable, Hashable {
    /// `kty`: `EC`, `RSA` or `OKP` for the keys Signet can use.
    public var keyType: String
    /// `use`: `sig` for signing keys; absent means unrestricted.
    public var use: String?
    /// `alg`: the one algorithm the key is meant for, if restricted.
    public var algorithm: String?
    /// `kid`.
    public var keyID: String?
    /// `crv` (EC and OKP keys).
    public var curve: String?
    /// `x` (EC and OKP keys), base64url.
    public var x: String?
    /// `y` (EC keys), base64url.
    public var y: String?
    /// `n`, the RSA modulus, base64url.
    public var modulus: String?
    /// `e`, the RSA public exponent, base64url.
    public var exponent: String?
    /// Whether the published key carried private material (`d` or a symmetric `k`).
    public private(set) var hasPrivateMembers = false

    /// A public JWK from its members (`use` defaults to `sig`).
    public init(
        keyType: String,
        use: String? = "sig",
        algorithm: String? = nil,
        keyID: String? = nil,
        curve: String? = nil,
        x: String? = nil,
        y: String? = nil,
        modulus: String? = nil,
        exponent: String? = nil
    ) {
        self.keyType = keyType
        self.use = use
        self.algorithm = algorithm
        self.keyID = keyID
        self.curve = curve
        self.x = x
        self.y = y
        self.modulus = modulus
        self.exponent = exponent
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        keyType = try container.decode(String.self, forKey: .keyType)
        use = try? container.decodeIfPresent(String.self, forKey: .use)
        algorithm = try? container.decodeIfPresent(String.self, forKey: .algorithm)
        keyID = try? container.decodeIfPresent(String.self, forKey: .keyID)
        curve = try? container.decodeIfPresent(String.self, forKey: .curve)
        x = try? container.decodeIfPresent(String.self, forKey: .x)
        y = try? container.decodeIfPresent(String.self, forKey: .y)
        modulus = try? container.decodeIfPresent(String.self, forKey: .modulus)
        exponent = try? container.decodeIfPresent(String.self, forKey: .exponent)
        hasPrivateMembers = container.contains(.privateExponent) || container.contains(.symmetricKey)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(keyType, forKey: .keyType)
        try container.encodeIfPresent(use, forKey: .use)
        try container.encodeIfPresent(algorithm, forKey: .algorithm)
        try container.encodeIfPresent(keyID, forKey: .keyID)
        try container.encodeIfPresent(curve, forKey: .curve)
        try container.encodeIfPresent(x, forKey: .x)
        try container.encodeIfPresent(y, forKey: .y)
        try container.encodeIfPresent(modulus, forKey: .modulus)
        try container.encodeIfPresent(exponent, forKey: .exponent)
    }

    enum CodingKeys: String, CodingKey {
        case keyType = "kty"
        case use
        case algorithm = "alg"
        case keyID = "kid"
        case curve = "crv"
        case x, y
        case modulus = "n"
        case exponent = "e"
        case privateExponent = "d"
        case symmetricKey = "k"
    }
}
