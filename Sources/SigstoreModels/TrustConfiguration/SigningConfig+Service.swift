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

    /// How many services of a kind to use (`dev.sigstore.trustroot.v1.ServiceConfiguration`).
    public struct ServiceConfiguration: Sendable, Hashable, Codable {
        public var selector: ServiceSelector
        /// How many to use; only meaningful with ``ServiceSelector/exact``.
        public var count: UInt32

        public init(selector: ServiceSelector, count: UInt32 = 0) {
            self.selector = selector
            self.count = count
        }

        private static let fields = ProtoFields("selector", "count")

        public init(from decoder: any Decoder) throws {
            let reader = try ProtoMessageReader(decoder, fields: Self.fields)
            selector = try reader.enumeration("selector")
            count = try reader.integer("count")
        }

        public func encode(to encoder: any Encoder) throws {
            var writer = ProtoMessageWriter(encoder)
            try writer.enumeration(selector, as: "selector")
            try writer.int32(count, as: "count")
        }
    }

    /// Which services to use (`dev.sigstore.trustroot.v1.ServiceSelector`).
    public enum ServiceSelector: String, Sendable, Hashable, CaseIterable, ProtoEnum {
        /// Unset; sigstore-go treats it as an error, sigstore-python as ``all``.
        case undefined = "SERVICE_SELECTOR_UNDEFINED"
        /// Every valid service.
        case all = "ALL"
        /// Any one valid service.
        case any = "ANY"
        /// Exactly `count` valid services.
        case exact = "EXACT"

        package static var protoDefault: ServiceSelector { .undefined }

        package var protoNumber: Int {
            switch self {
            case .undefined: 0
            case .all: 1
            case .any: 2
            case .exact: 3
            }
        }
    }
}
