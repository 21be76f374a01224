extension TransparencyLogEntry {
    /// A Rekor v1 signed entry timestamp (`dev.sigstore.rekor.v1.InclusionPromise`): the
    /// log's signature over the entry body, integrated time, log ID and index (§4.4).
    public struct InclusionPromise: Sendable, Hashable, Codable {
        /// The DER signature (base64 in JSON).
        public var signedEntryTimestamp: [UInt8]

        public init(signedEntryTimestamp: [UInt8]) {
            self.signedEntryTimestamp = signedEntryTimestamp
        }

        private static let fields = ProtoFields("signed_entry_timestamp")

        public init(from decoder: any Decoder) throws {
            let reader = try ProtoMessageReader(decoder, fields: Self.fields)
            signedEntryTimestamp = try reader.requiredBytes("signedEntryTimestamp")
        }

        public func encode(to encoder: any Encoder) throws {
            var writer = ProtoMessageWriter(encoder)
            try writer.bytes(signedEntryTimestamp, as: "signedEntryTimestamp")
        }
    }
}
