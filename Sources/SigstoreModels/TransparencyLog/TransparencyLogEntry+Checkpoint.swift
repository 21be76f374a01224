extension TransparencyLogEntry {
    /// A signed note holding the log's checkpoint (`dev.sigstore.rekor.v1.Checkpoint`).
    public struct Checkpoint: Sendable, Hashable, Codable {
        /// The whole signed note text: checkpoint body, blank line, signature lines.
        public var envelope: String

        public init(envelope: String) {
            self.envelope = envelope
        }

        private static let fields = ProtoFields("envelope")

        public init(from decoder: any Decoder) throws {
            let reader = try ProtoMessageReader(decoder, fields: Self.fields)
            envelope = try reader.requiredString("envelope")
        }

        public func encode(to encoder: any Encoder) throws {
            var writer = ProtoMessageWriter(encoder)
            try writer.string(envelope, as: "envelope")
        }
    }
}
