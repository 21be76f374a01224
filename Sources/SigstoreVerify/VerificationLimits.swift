/// Bounds on untrusted input, kept in one place.
public enum VerificationLimits {
    /// The most RFC 3161 timestamps a bundle may carry (sigstore-go's limit), so a bundle
    /// cannot make a verifier check thousands of CMS signatures.
    public static let maximumTimestamps = 32

    /// The largest bundle document ``BundleVerifier/verify(bundleJSON:artifact:policy:)`` reads.
    /// Real bundles are a few kilobytes; DSSE payloads can be larger, but not this large.
    public static let maximumBundleSize = 32 << 20

    /// The largest DSSE payload read as an in-toto statement.
    public static let maximumStatementSize = 32 << 20

    /// How much of an artifact file is read at a time while hashing it.
    static let fileChunkSize = 1 << 20
}
