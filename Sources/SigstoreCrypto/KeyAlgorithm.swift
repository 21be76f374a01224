/// The kind and size of an asymmetric key.
public enum KeyAlgorithm: Sendable, Hashable, CustomStringConvertible {
    case ecdsaP256
    case ecdsaP384
    case ecdsaP521
    case ed25519
    /// RSA with a modulus of `bits` bits (2048…4096 for keys this module accepts).
    case rsa(bits: Int)

    /// The smallest and largest RSA modulus this module accepts, in bits.
    public static let rsaBitRange = 2048...4096

    /// The ``PublicKeyDetails`` Sigstore uses for this key when nothing else is specified.
    ///
    /// RSA keys of a standard size map to the sized PKCS#1 v1.5 details; other sizes in
    /// ``rsaBitRange`` fall back to the generic (deprecated) ``PublicKeyDetails/pkixRSAPKCS1v5``.
    public var defaultDetails: PublicKeyDetails {
        switch self {
        case .ecdsaP256: .pkixECDSAP256SHA256
        case .ecdsaP384: .pkixECDSAP384SHA384
        case .ecdsaP521: .pkixECDSAP521SHA512
        case .ed25519: .pkixEd25519
        case .rsa(bits: 2048): .pkixRSAPKCS1v15_2048_SHA256
        case .rsa(bits: 3072): .pkixRSAPKCS1v15_3072_SHA256
        case .rsa(bits: 4096): .pkixRSAPKCS1v15_4096_SHA256
        case .rsa: .pkixRSAPKCS1v5
        }
    }

    public var description: String {
        switch self {
        case .ecdsaP256: "ECDSA P-256"
        case .ecdsaP384: "ECDSA P-384"
        case .ecdsaP521: "ECDSA P-521"
        case .ed25519: "Ed25519"
        case .rsa(let bits): "RSA-\(bits)"
        }
    }
}
