extension RekorV1 {
    /// The v1 response to a create or get: an object whose only member maps the entry's UUID
    /// (64 hex) or entry ID (80 hex) to the entry.
    public struct LogEntryResponse: Sendable, Hashable {
        /// The member name: the entry UUID or entry ID, in hex.
        public var uuid: String
        public var entry: LogEntry

        public init(uuid: String, entry: LogEntry) {
            self.uuid = uuid
            self.entry = entry
        }

        /// Reads a response; members this library does not know are ignored, as Rekor clients do.
        public init(decoding body: some Sequence<UInt8>) throws(ModelError) {
            self = try JSONValue.decode(LogEntryResponse.self, from: body, limits: RekorV1.limits,
                                        rejectingUnknownMembers: false)
        }

        /// The response body (canonical JSON).
        public func encoded() throws(ModelError) -> [UInt8] {
            try RekorV1.encode(self)
        }
    }
}

extension RekorV1.LogEntryResponse: Codable {
    private struct UUIDKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: UUIDKey.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw ModelError(.invalidValue, field: JSONCodingPath.format(container.codingPath),
                             "expected exactly one entry, found \(container.allKeys.count)")
        }
        guard [32, 40].contains(RekorFieldCoding.bytes(fromHex: key.stringValue, allowUppercase: true)?.count) else {
            throw ModelError(.invalidValue, field: container.fieldPath(key), "entry key is not a 64- or 80-hex UUID")
        }
        uuid = key.stringValue
        entry = try container.decode(RekorV1.LogEntry.self, forKey: key)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: UUIDKey.self)
        try container.encode(entry, forKey: UUIDKey(stringValue: uuid))
    }
}
