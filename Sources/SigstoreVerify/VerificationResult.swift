public import SigstoreCrypto
public import SigstoreModels

/// What a successful verification established.
public struct VerificationResult: Sendable {
    /// Who signed.
    public enum Signer: Sendable {
        /// A Fulcio certificate whose chain, SCT and identity verified.
        case certificate(SigningCertificate)
        /// The managed key given in the policy.
        case publicKey(PublicKey)
    }

    /// The bundle format version.
    public let bundleVersion: SigstoreBundle.Version
    /// The verified signer: a certificate with its identity and chain, or the managed key.
    public let signer: Signer
    /// Every trusted time, earliest first: verified RFC 3161 times and the integrated time of
    /// a Rekor v1 entry whose SET verified. The certificate chain was checked at each of them.
    public let verifiedTimes: [VerifiedTime]
    /// The transparency log entry.
    public let logEntry: VerifiedLogEntry
    /// The in-toto statement of a DSSE bundle.
    public let statement: InTotoStatement?
    /// Whether the signature was tied to a caller-supplied artifact; `false` when verification
    /// ran without one and so proves only that the bundle is well signed.
    public let artifactVerified: Bool

    /// The signing certificate's identity, or `nil` for a managed-key bundle.
    public var signingCertificate: SigningCertificate? {
        if case .certificate(let certificate) = signer { return certificate }
        return nil
    }
}
