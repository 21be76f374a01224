/// An SCT whose signature verified, with the trusted log that signed it.
public struct VerifiedSCT: Sendable, Hashable {
    /// The SCT.
    public let timestamp: SignedCertificateTimestamp
    /// The log whose key verified it.
    public let log: TrustedCTLog
}
