/// Media types of the Sigstore JSON documents.
public enum MediaType {
    public static let bundleV01 = "application/vnd.dev.sigstore.bundle+json;version=0.1"
    public static let bundleV02 = "application/vnd.dev.sigstore.bundle+json;version=0.2"
    public static let bundleV03Legacy = "application/vnd.dev.sigstore.bundle+json;version=0.3"
    public static let bundleV03 = "application/vnd.dev.sigstore.bundle.v0.3+json"
    /// The trusted root spelling every client accepts, and the one this library writes.
    public static let trustedRootV01 = "application/vnd.dev.sigstore.trustedroot+json;version=0.1"
    /// The newer spelling of trusted root v0.1 that protobuf-specs documents; read only.
    public static let trustedRootV01Alternate = "application/vnd.dev.sigstore.trustedroot.v0.1+json"
    public static let trustedRootV02 = "application/vnd.dev.sigstore.trustedroot.v0.2+json"
    /// The old-style spelling of trusted root v0.2; read only.
    public static let trustedRootV02Legacy = "application/vnd.dev.sigstore.trustedroot+json;version=0.2"
    /// Signing configuration v0.1 (single URLs); recognised only to be refused, as
    /// sigstore-python refuses it.
    public static let signingConfigV01 = "application/vnd.dev.sigstore.signingconfig.v0.1+json"
    public static let signingConfigV02 = "application/vnd.dev.sigstore.signingconfig.v0.2+json"
    public static let clientTrustConfigV01 = "application/vnd.dev.sigstore.clienttrustconfig.v0.1+json"
}
