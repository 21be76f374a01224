/// A key encoding plus signature algorithm, as named by `PublicKeyDetails` in protobuf-specs
/// `sigstore_common.proto`.
///
/// The raw value is the protobuf enum name, which is also its protobuf-JSON form.
/// `PUBLIC_KEY_DETAILS_UNSPECIFIED` is deliberately absent: `init(rawValue:)` returns `nil`
/// for it, because an unspecified algorithm can never be verified.
public enum PublicKeyDetails: String, Sendable, Hashable, CaseIterable {
    // RSA, unsized (deprecated): the PKCS1_ forms carry the key as PKCS#1 RSAPublicKey.
    case pkcs1RSAPKCS1v5 = "PKCS1_RSA_PKCS1V5"
    case pkcs1RSAPSS = "PKCS1_RSA_PSS"
    case pkixRSAPKCS1v5 = "PKIX_RSA_PKCS1V5"
    case pkixRSAPSS = "PKIX_RSA_PSS"
    // RSA, sized: PKIX key, SHA-256.
    case pkixRSAPKCS1v15_2048_SHA256 = "PKIX_RSA_PKCS1V15_2048_SHA256"
    case pkixRSAPKCS1v15_3072_SHA256 = "PKIX_RSA_PKCS1V15_3072_SHA256"
    case pkixRSAPKCS1v15_4096_SHA256 = "PKIX_RSA_PKCS1V15_4096_SHA256"
    case pkixRSAPSS_2048_SHA256 = "PKIX_RSA_PSS_2048_SHA256"
    case pkixRSAPSS_3072_SHA256 = "PKIX_RSA_PSS_3072_SHA256"
    case pkixRSAPSS_4096_SHA256 = "PKIX_RSA_PSS_4096_SHA256"
    // ECDSA.
    case pkixECDSAP256HMACSHA256 = "PKIX_ECDSA_P256_HMAC_SHA_256"
    case pkixECDSAP256SHA256 = "PKIX_ECDSA_P256_SHA_256"
    case pkixECDSAP384SHA384 = "PKIX_ECDSA_P384_SHA_384"
    case pkixECDSAP521SHA512 = "PKIX_ECDSA_P521_SHA_512"
    case pkixECDSAP384SHA256 = "PKIX_ECDSA_P384_SHA_256"
    case pkixECDSAP521SHA256 = "PKIX_ECDSA_P521_SHA_256"
    // Ed25519.
    case pkixEd25519 = "PKIX_ED25519"
    case pkixEd25519ph = "PKIX_ED25519_PH"
    // Stateful hash-based and post-quantum schemes: named so they parse, never usable here.
    case lmsSHA256 = "LMS_SHA256"
    case lmotsSHA256 = "LMOTS_SHA256"
    case mlDSA44 = "ML_DSA_44"
    case mlDSA65 = "ML_DSA_65"
    case mlDSA87 = "ML_DSA_87"

    /// The family of key these details apply to.
    public enum KeyKind: String, Sendable, Hashable {
        case rsa, ecdsa, ed25519, lms, mlDSA
    }

    /// The family of key these details apply to.
    public var keyKind: KeyKind {
        switch self {
        case .pkcs1RSAPKCS1v5, .pkcs1RSAPSS, .pkixRSAPKCS1v5, .pkixRSAPSS,
            .pkixRSAPKCS1v15_2048_SHA256, .pkixRSAPKCS1v15_3072_SHA256, .pkixRSAPKCS1v15_4096_SHA256,
            .pkixRSAPSS_2048_SHA256, .pkixRSAPSS_3072_SHA256, .pkixRSAPSS_4096_SHA256:
            .rsa
        case .pkixECDSAP256HMACSHA256, .pkixECDSAP256SHA256, .pkixECDSAP384SHA384, .pkixECDSAP521SHA512,
            .pkixECDSAP384SHA256, .pkixECDSAP521SHA256:
            .ecdsa
        case .pkixEd25519, .pkixEd25519ph: .ed25519
        case .lmsSHA256, .lmotsSHA256: .lms
        case .mlDSA44, .mlDSA65, .mlDSA87: .mlDSA
        }
    }

    /// The hash applied to the message before signing, or `nil` when the scheme signs the
    /// message itself (pure Ed25519, ML-DSA, LMS).
    ///
    /// This is the hash Sigstore uses for artifact digests logged with these details (the
    /// sigstore-go algorithm registry): SHA-512 for Ed25519ph, none for pure Ed25519.
    public var hashAlgorithm: HashAlgorithm? {
        switch self {
        case .pkixECDSAP384SHA384: .sha384
        case .pkixECDSAP521SHA512, .pkixEd25519ph: .sha512
        case .pkixEd25519, .lmsSHA256, .lmotsSHA256, .mlDSA44, .mlDSA65, .mlDSA87: nil
        default: .sha256
        }
    }

    /// Whether protobuf-specs marks these details deprecated.
    public var isDeprecated: Bool {
        switch self {
        case .pkcs1RSAPKCS1v5, .pkcs1RSAPSS, .pkixRSAPKCS1v5, .pkixRSAPSS, .pkixECDSAP256HMACSHA256,
            .pkixECDSAP384SHA256, .pkixECDSAP521SHA256, .lmsSHA256, .lmotsSHA256:
            true
        default: false
        }
    }

    /// Whether this module can verify signatures with these details.
    ///
    /// Ed25519ph is missing from swift-crypto; LMS and the ML-DSA family are not implemented.
    /// Signing additionally refuses ``pkixECDSAP256HMACSHA256``, because swift-crypto has no
    /// deterministic (RFC 6979) ECDSA.
    public var isSupported: Bool {
        switch keyKind {
        case .rsa, .ecdsa: true
        case .ed25519: self == .pkixEd25519
        case .lms, .mlDSA: false
        }
    }

    /// The RSA modulus size these details require, or `nil` when any accepted size will do.
    public var rsaModulusBits: Int? {
        switch self {
        case .pkixRSAPKCS1v15_2048_SHA256, .pkixRSAPSS_2048_SHA256: 2048
        case .pkixRSAPKCS1v15_3072_SHA256, .pkixRSAPSS_3072_SHA256: 3072
        case .pkixRSAPKCS1v15_4096_SHA256, .pkixRSAPSS_4096_SHA256: 4096
        default: nil
        }
    }

    /// Whether these details describe a key of `algorithm` (curve and, for sized RSA details,
    /// modulus size must match).
    public func isCompatible(with algorithm: KeyAlgorithm) -> Bool {
        switch (keyKind, algorithm) {
        case (.rsa, .rsa(let bits)):
            return rsaModulusBits.map { $0 == bits } ?? true
        case (.ecdsa, .ecdsaP256):
            return self == .pkixECDSAP256SHA256 || self == .pkixECDSAP256HMACSHA256
        case (.ecdsa, .ecdsaP384):
            return self == .pkixECDSAP384SHA384 || self == .pkixECDSAP384SHA256
        case (.ecdsa, .ecdsaP521):
            return self == .pkixECDSAP521SHA512 || self == .pkixECDSAP521SHA256
        case (.ed25519, .ed25519):
            return true
        default:
            return false
        }
    }

    /// Whether RSA signatures with these details use PSS padding (salt length = hash length).
    var usesPSS: Bool {
        switch self {
        case .pkcs1RSAPSS, .pkixRSAPSS, .pkixRSAPSS_2048_SHA256, .pkixRSAPSS_3072_SHA256, .pkixRSAPSS_4096_SHA256:
            true
        default: false
        }
    }
}
