extension SigstoreBundle {
    /// Countersignatures over the bundle's signature
    /// (`dev.sigstore.bundle.v1.TimestampVerificationData`).
    public struct TimestampVerificationData: Sendable, Hashable, Codable {
        public var rfc3161Timestamps: [RFC3161SignedTimestamp]

        public init(rfc3161Timestamps: [RFC3161SignedTimestamp]) {
            self.rfc3161Timestamps = rfc3161Timestamps
        }

        private static let fields = ProtoFields("rfc3161_timestamps")

        public init(from decoder: any Decoder) throws {
            let reader = try ProtoMessageReader(decoder, fields: Self.fields)
            rfc3161Timestamps = try reader.repeated("rfc3161Timestamps")
        }

        public func encode(to encoder: any Encoder) throws {
            var writer = ProtoMessageWriter(encoder)
            try writer.repeated(rfc3161Timestamps, as: "rfc3161Timestamps")
        }
    }

    /// One RFC 3161 time-stamp response (`dev.sigstore.common.v1.RFC3161SignedTimestamp`).
    public struct RFC3161SignedTimestamp: Sendable, Hashable, Codable {
        /// The DER `TimeStampResp` (base64 in JSON).
        public var signedTimestamp: [UInt8]

        public init(signedTimestamp: [UInt8]) {
            self.signedTimestamp = signedTimestamp
        }

        private static let fields = ProtoFields("signed_timestamp")

        public init(from decoder: any Decoder) throws {
            let reader = try ProtoMessageReader(decoder, fields: Self.fields)
            signedTimestamp = try reader.requiredBytes("signedTimestamp")
        }

        public func encode(to encoder: any Encoder) throws {
            var writer = ProtoMessageWriter(encoder)
            try writer.bytes(signedTimestamp, as: "signedTimestamp")
        }
    }
}
