/// Everything a verifier trusts (`dev.sigstore.trustroot.v1.TrustedRoot`): transparency logs,
/// certificate authorities, CT logs and timestamp authorities, each with its validity.
///
/// Reads the v0.1 and v0.2 media types in all their spellings and always writes
/// ``MediaType/trustedRootV01``, the only one sigstore-go and sigstore-python accept
/// (interop-contract §10.1, §15); the messages are the same in both versions.
public struct TrustedRoot: Sendable, Hashable, Codable {
    /// Rekor logs, oldest first.
    public var tlogs: [TransparencyLogInstance]
    /// Fulcio-style CAs; each chain lists intermediates first and the trust anchor last.
    public var certificateAuthorities: [CertificateAuthority]
    /// Certificate transparency logs.
    public var ctlogs: [TransparencyLogInstance]
    /// RFC 3161 timestamp authorities; each chain is leaf, intermediates, root.
    public var timestampAuthorities: [CertificateAuthority]

    /// The media type this library writes.
    public static let mediaType = MediaType.trustedRootV01

    /// Media types read as a trusted root.
    public static let readableMediaTypes: Set<String> = [
        MediaType.trustedRootV01, MediaType.trustedRootV01Alternate, MediaType.trustedRootV02, MediaType.trustedRootV02Legacy,
    ]

    public init(
        tlogs: [TransparencyLogInstance] = [], certificateAuthorities: [CertificateAuthority] = [],
        ctlogs: [TransparencyLogInstance] = [], timestampAuthorities: [CertificateAuthority] = []
    ) {
        self.tlogs = tlogs
        self.certificateAuthorities = certificateAuthorities
        self.ctlogs = ctlogs
        self.timestampAuthorities = timestampAuthorities
    }

    private static let fields = ProtoFields("media_type", "tlogs", "certificate_authorities", "ctlogs", "timestamp_authorities")

    public init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        let mediaType = try reader.requiredString("mediaType")
        guard Self.readableMediaTypes.contains(mediaType) else {
            throw reader.error(.unsupportedMediaType, "mediaType", "\"\(mediaType)\" is not a supported trusted root media type")
        }
        tlogs = try reader.repeated("tlogs")
        certificateAuthorities = try reader.repeated("certificateAuthorities")
        ctlogs = try reader.repeated("ctlogs")
        timestampAuthorities = try reader.repeated("timestampAuthorities")
    }

    public func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        try writer.string(Self.mediaType, as: "mediaType")
        try writer.repeated(tlogs, as: "tlogs")
        try writer.repeated(certificateAuthorities, as: "certificateAuthorities")
        try writer.repeated(ctlogs, as: "ctlogs")
        try writer.repeated(timestampAuthorities, as: "timestampAuthorities")
    }
}
