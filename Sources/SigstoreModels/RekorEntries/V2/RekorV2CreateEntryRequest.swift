extension RekorV2 {
    /// The body of `POST /api/v2/log/entries` (`CreateEntryRequest`): exactly one request kind.
    public enum CreateEntryRequest: Sendable, Hashable {
        case hashedRekord(HashedRekordRequest)
        /// Deprecated upstream; kept so servers can recognise and refuse it cleanly.
        case dsse(DSSERequest)

        /// Reads a request body strictly: UTF-8 JSON without duplicate members, no members the
        /// schema does not define, exactly one of `hashedRekordRequestV002` and `dsseRequestV002`.
        public init(decoding body: some Sequence<UInt8>) throws(ModelError) {
            self = try JSONValue.decode(CreateEntryRequest.self, from: body, limits: RekorV2.limits)
        }

        /// The JSON body to send.
        public func encoded() throws(ModelError) -> [UInt8] {
            try ProtoJSON.encode(self)
        }
    }
}

extension RekorV2.CreateEntryRequest: Codable {
    private static let fields = ProtoFields("hashed_rekord_request_v002", "dsse_request_v002")

    public init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        switch try reader.oneof("hashedRekordRequestV002", "dsseRequestV002") {
        case "hashedRekordRequestV002":
            self = .hashedRekord(try reader.require("hashedRekordRequestV002"))
        case "dsseRequestV002":
            self = .dsse(try reader.require("dsseRequestV002"))
        default:
            throw reader.error(.missingField, "hashedRekordRequestV002", "a request needs hashedRekordRequestV002")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        switch self {
        case .hashedRekord(let request): try writer.encode(request, as: "hashedRekordRequestV002")
        case .dsse(let request): try writer.encode(request, as: "dsseRequestV002")
        }
    }
}
