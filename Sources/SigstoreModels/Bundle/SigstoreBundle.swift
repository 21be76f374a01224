/// A Sigstore bundle (`dev.sigstore.bundle.v1.Bundle`): a signature or DSSE envelope plus
/// everything needed to verify it offline.
///
/// Decoding checks the media type (see ``Version``) and the protobuf-JSON rules; the
/// version-specific structure rules of interop-contract §9.1 and §11.1 are a separate step,
/// ``validate(requireSingleTlogEntry:)``, so tools can still read and show a bundle that a
/// verifier would refuse.
public struct SigstoreBundle: Sendable, Hashable, Codable {
    /// The media type as written; always one that ``Version`` recognises.
    public private(set) var mediaType: String
    /// Certificate or key, transparency log entries, and timestamps.
    public var verificationMaterial: VerificationMaterial
    /// What was signed: a message signature or a DSSE envelope (a protobuf `oneof`).
    public var content: Content?

    /// The bundle format version the media type names.
    public var version: Version {
        // The initialisers only accept media types Version knows.
        Version(mediaType: mediaType)!
    }

    /// A bundle of the given version, written with its preferred media type spelling.
    public init(version: Version = .v0_3, verificationMaterial: VerificationMaterial, content: Content?) {
        self.mediaType = version.mediaType
        self.verificationMaterial = verificationMaterial
        self.content = content
    }

    /// A bundle with an explicit media type; throws `.unsupportedMediaType` unless it is one
    /// of the spellings ``Version`` recognises.
    public init(mediaType: String, verificationMaterial: VerificationMaterial, content: Content?) throws(ModelError) {
        guard Version(mediaType: mediaType) != nil else {
            throw ModelError(.unsupportedMediaType, field: "mediaType", "\"\(mediaType)\" is not a supported bundle media type")
        }
        self.mediaType = mediaType
        self.verificationMaterial = verificationMaterial
        self.content = content
    }

    /// The `oneof content` of a bundle.
    public enum Content: Sendable, Hashable {
        case messageSignature(MessageSignature)
        case dsseEnvelope(DSSEEnvelope)
    }

    /// The message signature, if that is what the bundle carries.
    public var messageSignature: MessageSignature? {
        if case .messageSignature(let signature) = content { return signature }
        return nil
    }

    /// The DSSE envelope, if that is what the bundle carries.
    public var dsseEnvelope: DSSEEnvelope? {
        if case .dsseEnvelope(let envelope) = content { return envelope }
        return nil
    }

    private static let fields = ProtoFields("media_type", "verification_material", "message_signature", "dsse_envelope")

    public init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        mediaType = try reader.requiredString("mediaType")
        guard Version(mediaType: mediaType) != nil else {
            throw reader.error(.unsupportedMediaType, "mediaType", "\"\(mediaType)\" is not a supported bundle media type")
        }
        verificationMaterial = try reader.require("verificationMaterial")
        switch try reader.oneof("messageSignature", "dsseEnvelope") {
        case "messageSignature": content = .messageSignature(try reader.require("messageSignature"))
        case "dsseEnvelope": content = .dsseEnvelope(try reader.require("dsseEnvelope"))
        default: content = nil
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        try writer.string(mediaType, as: "mediaType")
        try writer.encode(verificationMaterial, as: "verificationMaterial")
        try writer.encode(messageSignature, as: "messageSignature")
        try writer.encode(dsseEnvelope, as: "dsseEnvelope")
    }
}
