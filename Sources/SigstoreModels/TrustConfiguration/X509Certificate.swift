/// One DER-encoded X.509 certificate (`dev.sigstore.common.v1.X509Certificate`).
public struct X509Certificate: Sendable, Hashable, Codable {
    /// The DER bytes (base64 in JSON).
    public var rawBytes: [UInt8]

    public init(rawBytes: [UInt8]) {
        self.rawBytes = rawBytes
    }

    private static let fields = ProtoFields("raw_bytes")

    public init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        rawBytes = try reader.requiredBytes("rawBytes")
    }

    public func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        try writer.bytes(rawBytes, as: "rawBytes")
    }
}
