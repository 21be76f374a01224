public import Foundation
public import SigstoreCrypto

/// Issues RFC 6962 v1 SCTs with a log key: the signing half of a CT log's `add-chain` and
/// `add-pre-chain` endpoints.
///
/// The key must sign with SHA-256, because every CT client requires it: ECDSA P-256 (signature
/// algorithm `ecdsa(3)`) or RSA PKCS#1 v1.5 (`rsa(1)`). The log ID is SHA-256 of the key's DER
/// SubjectPublicKeyInfo. Time is a parameter; this type reads no clock.
public struct SCTSigner: Sendable {
    /// The log key.
    public let signer: any KeySigner
    /// SHA-256 of the log key's DER SubjectPublicKeyInfo.
    public let logID: [UInt8]
    private let signatureAlgorithm: DigitallySigned.SignatureAlgorithm

    /// Creates a signer for a log key.
    ///
    /// - Throws: ``CTError/Code/unsupportedAlgorithm`` for keys whose ``KeySigner`` signatures do not
    ///   use SHA-256 with ECDSA or RSA PKCS#1 v1.5 (P-384, P-521 and Ed25519 keys).
    public init(signer: any KeySigner) throws {
        let key = signer.publicKey
        switch key.algorithm {
        case .ecdsaP256:
            signatureAlgorithm = .ecdsa
        case .rsa where key.defaultDetails.hashAlgorithm == .sha256:
            signatureAlgorithm = .rsa
        default:
            throw CTError(.unsupportedAlgorithm, "a CT log key must be ECDSA P-256 or RSA (signing with SHA-256), not \(key.algorithm)")
        }
        self.signer = signer
        self.logID = key.keyID
    }

    /// Signs `entry` as logged at `time`.
    ///
    /// The signature is checked against the log's public key before it is returned, so a
    /// misbehaving HSM or KMS key cannot hand out SCTs that clients would reject.
    ///
    /// - Parameters:
    ///   - entry: The certificate or precertificate entry.
    ///   - time: When the log accepted the entry; stored to the millisecond, rounded down.
    ///   - extensions: `CtExtensions` bytes (a static-CT `leaf_index`, for example); usually empty.
    public func signedCertificateTimestamp(for entry: SignedEntry, at time: Date, extensions: [UInt8] = []) async throws
        -> SignedCertificateTimestamp
    {
        let timestamp = try SignedCertificateTimestamp.timestamp(for: time)
        let signedData = try SignedCertificateTimestamp.signedData(timestamp: timestamp, entry: entry, extensions: extensions)
        let signature = try await signer.signature(for: signedData)
        guard signer.publicKey.isValidSignature(signature, forDigest: HashAlgorithm.sha256.hash(signedData), hash: .sha256) else {
            throw CTError(.invalidSignature, "the log key produced a signature its public key does not verify")
        }
        return try SignedCertificateTimestamp(
            logID: logID,
            timestamp: timestamp,
            extensions: extensions,
            signature: DigitallySigned(hashAlgorithm: .sha256, signatureAlgorithm: signatureAlgorithm, signature: signature)
        )
    }
}
