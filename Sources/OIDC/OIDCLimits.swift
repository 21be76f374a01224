/// Every size and count limit the OIDC client enforces, in one place.
///
/// The limits bound what an untrusted token or a misbehaving issuer can make the verifier read,
/// decode or remember; real tokens and documents are far below them.
public enum OIDCLimits {
    /// Largest token accepted, in bytes (real ID tokens are 1–3 KiB; GitHub's are about 1.5 KiB).
    public static let maxTokenBytes = 32 * 1024
    /// Longest issuer URL considered for the allow-list (also bounds meta-issuer matching work).
    public static let maxIssuerLength = 1024
    /// Largest discovery document read from an issuer.
    public static let maxDiscoveryDocumentBytes = 256 * 1024
    /// Largest JWKS read from an issuer.
    public static let maxKeySetBytes = 256 * 1024
    /// Most keys taken from one JWKS; the rest are ignored.
    public static let maxKeysPerSet = 100
    /// Most issuers whose keys are cached at once (meta-issuers can match unboundedly many).
    public static let maxCachedIssuers = 512
    /// Largest clock skew a verifier may be configured with, in seconds.
    public static let maxClockSkew: Double = 300
}
