extension RekorV2 {
    /// A signature with its verifier (`dev.sigstore.rekor.v2.Signature`).
    public struct Signature: Sendable, Hashable {
        /// The raw signature bytes (base64 in JSON).
        public var content: [UInt8]
        public var verifier: Verifier

        public init(content: [UInt8], verifier: Verifier) {
            self.content = content
            self.verifier = verifier
        }
    }
}

extension RekorV2.Signature: Codable {
    private static let fields = ProtoFields("content", "verifier")

    public init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        content = try reader.requiredBytes("content")
        verifier = try reader.require("verifier")
    }

    public func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        try writer.bytes(content, as: "content")
        try writer.encode(verifier, as: "verifier")
    }
}
