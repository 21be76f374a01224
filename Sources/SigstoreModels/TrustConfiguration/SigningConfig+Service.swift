extension SigningConfig {
    /// One instance of a service (`dev.sigstore.trustroot.v1.Service`).
    ///
    /// Nested because "Service" is a common name (swift-service-lifecycle has one).
    public struct Service: Sendable, Hashable, Codable {
        /// The service URL, with scheme.
        public var url: String
        /// The API major version the service speaks; 0 means not yet released.
        public var majorApiVersion: UInt32
        /// When the service may be used, both ends included.
        public var validFor: TimeRange?
        /// Who runs the service; clients use at most one service per operator.
        public var `operator`: String

        public init(url: String, majorApiVersion: UInt32, validFor: TimeRange?, operator: String) {
            self.url = url
            self.majorApiVersion = majorApiVersion
            self.validFor = validFor
            self.operator = `operator`
        }

        private static let fields = ProtoFields("url", "major_api_version", "valid_for", "operator")

        public init(from decoder: any Decoder) throws {
            let reader = try ProtoMessageReader(decoder, fields: Self.fields)
            url = try reader.requiredString("url")
            majorApiVersion = try reader.integer("majorApiVersion")
            validFor = try reader.decode("validFor")
            self.operator = try reader.string("operator")
        }

        public func encode(to encoder: any Encoder) throws {
            var writer = ProtoMessageWriter(encoder)
            try writer.string(url, as: "url")
            try writer.int32(majorApiVersion, as: "majorApiVersion")
            try writer.encode(validFor, as: "validFor")
            try writer.string(self.operator, as: "operator")
        }
    }
}
