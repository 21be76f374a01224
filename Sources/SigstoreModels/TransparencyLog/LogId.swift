/// The identity of a transparency log (`dev.sigstore.common.v1.LogId`): for Rekor v1 and CT
/// logs the SHA-256 of the log key's DER SubjectPublicKeyInfo, for Rekor v2 the signed-note
/// key ID of §6.2.
public struct LogId: Sendable, Hashable, Codable {
    /// The raw ID bytes (base64 in JSON).
    public var keyId: [UInt8]

    public init(keyId: [UInt8]) {
        self.keyId = keyId
    }

    private static let fields = ProtoFields("key_id")

    public init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        keyId = try reader.requiredBytes("keyId")
    }

    public func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        try writer.bytes(keyId, as: "keyId")
    }
}
