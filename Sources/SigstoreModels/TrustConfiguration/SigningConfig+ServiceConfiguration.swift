extension SigningConfig {
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
