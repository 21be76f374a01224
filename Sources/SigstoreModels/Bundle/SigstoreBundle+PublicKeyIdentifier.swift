extension SigstoreBundle {
    /// A hint naming the verification key (`dev.sigstore.common.v1.PublicKeyIdentifier`).
    public struct PublicKeyIdentifier: Sendable, Hashable, Codable {
        /// Unauthenticated; its format is agreed out of band. May be empty.
        public var hint: String

        public init(hint: String) {
            self.hint = hint
        }

        private static let fields = ProtoFields("hint")

        public init(from decoder: any Decoder) throws {
            let reader = try ProtoMessageReader(decoder, fields: Self.fields)
            hint = try reader.string("hint")
        }

        public func encode(to encoder: any Encoder) throws {
            var writer = ProtoMessageWriter(encoder)
            try writer.string(hint, as: "hint")
        }
    }
}
