/// Something that signs with a private key it may not expose: an in-memory ``PrivateKey``, or
/// an HSM or KMS key. The CA, the logs and the TSA sign through this seam.
///
/// Signatures use the key's ``PublicKey/defaultDetails``: DER for ECDSA, PKCS#1 v1.5 with
/// SHA-256 for RSA, pure Ed25519.
public protocol KeySigner: Sendable {
    /// The public half of the signing key.
    var publicKey: PublicKey { get }

    /// Signs `message` with the key's default details.
    func signature(for message: [UInt8]) async throws -> [UInt8]
}

extension PrivateKey: KeySigner {
    /// Signs `message` with the key's default details (the ``KeySigner`` requirement).
    public func signature(for message: [UInt8]) throws -> [UInt8] {
        try signature(for: message, details: nil)
    }
}
