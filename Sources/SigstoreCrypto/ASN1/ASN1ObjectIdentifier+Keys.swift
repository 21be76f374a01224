import SwiftASN1

// The algorithm and curve identifiers that appear in SubjectPublicKeyInfo and PKCS#8.
extension ASN1ObjectIdentifier {
    /// id-ecPublicKey (RFC 5480).
    static let ecPublicKey: ASN1ObjectIdentifier = "1.2.840.10045.2.1"
    /// secp256r1 / P-256.
    static let curveP256: ASN1ObjectIdentifier = "1.2.840.10045.3.1.7"
    /// secp384r1 / P-384.
    static let curveP384: ASN1ObjectIdentifier = "1.3.132.0.34"
    /// secp521r1 / P-521.
    static let curveP521: ASN1ObjectIdentifier = "1.3.132.0.35"
    /// id-Ed25519 (RFC 8410).
    static let ed25519: ASN1ObjectIdentifier = "1.3.101.112"
    /// rsaEncryption (RFC 8017).
    static let rsaEncryption: ASN1ObjectIdentifier = "1.2.840.113549.1.1.1"
    /// id-RSASSA-PSS, used by PSS-restricted RSA keys (RFC 4055); refused here.
    static let rsassaPSS: ASN1ObjectIdentifier = "1.2.840.113549.1.1.10"
}
