/// Every size and time limit the HTTP layer enforces, in one place.
public enum ServerLimits {
    /// Largest request body any endpoint reads (a DSSE envelope with a big certificate chain fits).
    public static let maxRequestBody = 1 << 20
    /// Largest JSON body of the TSA's JSON request form (the reference TSA's limit).
    public static let maxTimestampJSONBody = 1024
    /// Largest DER `TimeStampReq`: a request is a digest, a nonce and a few flags.
    public static let maxTimestampQueryBody = 16 * 1024
    /// Largest body of the dev OIDC issuer's token and minting requests (a form or a small JSON object).
    public static let maxIdentityRequestBody = 16 * 1024
    /// Largest body of a CA certificate request: a token, and a CSR or key with its proof (an
    /// RSA-4096 CSR in base64 PEM is under 3 KiB; tokens with many CI claims stay under 8 KiB).
    public static let maxSigningCertificateRequestBody = 64 * 1024
    /// Largest body of a CT `add-chain` or `add-pre-chain`: a few base64 certificates.
    public static let maxCTChainBody = 256 * 1024
    /// Largest body of a transparency log entry request (v1 or v2): a DSSE envelope with a
    /// certificate; the canonical entry must also fit a 64 KiB tile entry.
    public static let maxTransparencyLogEntryBody = 128 * 1024
    /// Largest body of a v1 search (`entries/retrieve`, `index/retrieve`): up to 10 proposed entries.
    public static let maxTransparencyLogQueryBody = 1 << 20
}
