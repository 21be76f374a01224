extension TrustedRoot {
    /// An organization and common name (`dev.sigstore.common.v1.DistinguishedName`).
    ///
    /// Nested because swift-certificates has a full `DistinguishedName` type.
    public struct DistinguishedName: Sendable, Hashable, Codable {
        public var organization: String
        public var commonName: String

        public init(organization: String, commonName: String) {
            self.organization = organization
            self.commonName = commonName
        }

        private static let fields = ProtoFields("organization", "common_name")

        public init(from decoder: any Decoder) throws {
            let reader = try ProtoMessageReader(decoder, fields: Self.fields)
            organization = try reader.string("organization")
            commonName = try reader.string("commonName")
        }

        public func encode(to encoder: any Encoder) throws {
            var writer = ProtoMessageWriter(encoder)
            try writer.string(organization, as: "organization")
            try writer.string(commonName, as: "commonName")
        }
    }
}
