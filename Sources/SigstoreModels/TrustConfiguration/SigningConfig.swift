/// Where a signer finds its services (`dev.sigstore.trustroot.v1.SigningConfig`, v0.2):
/// CAs, OIDC issuers, Rekor logs and TSAs, each with an API version and validity, plus how
/// many logs and TSAs to use.
///
/// Only the v0.2 media type is read; v0.1 is refused with `.unsupportedMediaType`, as
/// sigstore-python refuses it. Choosing among the services is the client's job (§10.4).
public struct SigningConfig: Sendable, Hashable, Codable {
    /// Fulcio-compatible CAs, by base URL.
    public var caUrls: [Service]
    /// OIDC issuers.
    public var oidcUrls: [Service]
    /// Rekor logs, by base URL; `majorApiVersion` 1 or 2.
    public var rekorTlogUrls: [Service]
    /// How many of `rekorTlogUrls` to write to.
    public var rekorTlogConfig: ServiceConfiguration?
    /// RFC 3161 TSAs, by full endpoint URL.
    public var tsaUrls: [Service]
    /// How many of `tsaUrls` to ask.
    public var tsaConfig: ServiceConfiguration?

    /// The media type this library reads and writes.
    public static let mediaType = MediaType.signingConfigV02

    public init(
        caUrls: [Service] = [], oidcUrls: [Service] = [], rekorTlogUrls: [Service] = [],
        rekorTlogConfig: ServiceConfiguration? = nil, tsaUrls: [Service] = [], tsaConfig: ServiceConfiguration? = nil
    ) {
        self.caUrls = caUrls
        self.oidcUrls = oidcUrls
        self.rekorTlogUrls = rekorTlogUrls
        self.rekorTlogConfig = rekorTlogConfig
        self.tsaUrls = tsaUrls
        self.tsaConfig = tsaConfig
    }

    private static let fields = ProtoFields(
        "media_type", "ca_urls", "oidc_urls", "rekor_tlog_urls", "rekor_tlog_config", "tsa_urls", "tsa_config"
    )

    public init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        let mediaType = try reader.requiredString("mediaType")
        guard mediaType == Self.mediaType else {
            throw reader.error(.unsupportedMediaType, "mediaType", "\"\(mediaType)\" is not a supported signing config media type")
        }
        caUrls = try reader.repeated("caUrls")
        oidcUrls = try reader.repeated("oidcUrls")
        rekorTlogUrls = try reader.repeated("rekorTlogUrls")
        rekorTlogConfig = try reader.decode("rekorTlogConfig")
        tsaUrls = try reader.repeated("tsaUrls")
        tsaConfig = try reader.decode("tsaConfig")
    }

    public func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        try writer.string(Self.mediaType, as: "mediaType")
        try writer.repeated(caUrls, as: "caUrls")
        try writer.repeated(oidcUrls, as: "oidcUrls")
        try writer.repeated(rekorTlogUrls, as: "rekorTlogUrls")
        try writer.encode(rekorTlogConfig, as: "rekorTlogConfig")
        try writer.repeated(tsaUrls, as: "tsaUrls")
        try writer.encode(tsaConfig, as: "tsaConfig")
    }
}
