extension TransparencyLogEntry {
    /// The type and version of a log entry (`dev.sigstore.rekor.v1.KindVersion`), as the
    /// entry body's `kind` and `apiVersion` name them.
    public struct KindVersion: Sendable, Hashable, Codable {
        /// The entry type, e.g. `hashedrekord`, `dsse`, `intoto`.
        public var kind: String
        /// The entry type's version, e.g. `0.0.1`.
        public var version: String

        public init(kind: String, version: String) {
            self.kind = kind
            self.version = version
        }

        private static let fields = ProtoFields("kind", "version")

        public init(from decoder: any Decoder) throws {
            let reader = try ProtoMessageReader(decoder, fields: Self.fields)
            kind = try reader.requiredString("kind")
            version = try reader.requiredString("version")
        }

        public func encode(to encoder: any Encoder) throws {
            var writer = ProtoMessageWriter(encoder)
            try writer.string(kind, as: "kind")
            try writer.string(version, as: "version")
        }
    }
}
