/// A trusted root and a signing configuration in one document
/// (`dev.sigstore.trustroot.v1.ClientTrustConfig`, v0.1): what a client needs to sign and
/// verify against one Sigstore instance. Both members are required.
public struct ClientTrustConfig: Sendable, Hashable, Codable {
    public var trustedRoot: TrustedRoot
    public var signingConfig: SigningConfig

    /// The media type this library reads and writes.
    public static let mediaType = MediaType.clientTrustConfigV01

    public init(trustedRoot: TrustedRoot, signingConfig: SigningConfig) {
        self.trustedRoot = trustedRoot
        self.signingConfig = signingConfig
    }

    private static let fields = ProtoFields("media_type", "trusted_root", "signing_config")

    public init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        let mediaType = try reader.requiredString("mediaType")
        guard mediaType == Self.mediaType else {
            throw reader.error(.unsupportedMediaType, "mediaType", "\"\(mediaType)\" is not a supported client trust config media type")
        }
        trustedRoot = try reader.require("trustedRoot")
        signingConfig = try reader.require("signingConfig")
    }

    public func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        try writer.string(Self.mediaType, as: "mediaType")
        try writer.encode(trustedRoot, as: "trustedRoot")
        try writer.encode(signingConfig, as: "signingConfig")
    }
}
