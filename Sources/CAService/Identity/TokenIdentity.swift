/// The identity a verified token stands for: what goes into the certificate, and the value a
/// `publicKeyRequest` must have signed.
public struct TokenIdentity: Sendable, Hashable {
    /// The leaf's SAN, issuer and claim extensions.
    public var certificate: CertificateIdentity
    /// The proof-of-possession challenge: the issuer's challenge claim (`email` or `sub`).
    public var challenge: String
}
