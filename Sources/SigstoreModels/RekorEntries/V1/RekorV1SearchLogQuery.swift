extension RekorV1 {
    /// `POST /api/v1/log/entries/retrieve`: fetch entries by UUID, by index or by content.
    public struct SearchLogQuery: Sendable, Hashable {
        /// Rekor's `maxItems` for each list.
        public static let maximumItems = 10

        /// 64-hex UUIDs or 80-hex entry IDs.
        public var entryUUIDs: [String]
        public var logIndexes: [Int64]
        /// Entries to look up by content.
        public var entries: [ProposedEntry]

        public init(entryUUIDs: [String] = [], logIndexes: [Int64] = [], entries: [ProposedEntry] = []) {
            self.entryUUIDs = entryUUIDs
            self.logIndexes = logIndexes
            self.entries = entries
        }

        /// Reads a request strictly.
        public init(decoding body: some Sequence<UInt8>) throws(ModelError) {
            self = try JSONValue.decode(SearchLogQuery.self, from: body, limits: RekorV1.limits)
        }

        /// The request body (canonical JSON).
        public func encoded() throws(ModelError) -> [UInt8] {
            try RekorV1.encode(self)
        }
    }
}

extension RekorV1.SearchLogQuery: Codable {
    private enum CodingKeys: String, CodingKey {
        case entryUUIDs, logIndexes, entries
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        entryUUIDs = try container.decodeIfPresent([String].self, forKey: .entryUUIDs) ?? []
        logIndexes = try container.decodeIfPresent([Int64].self, forKey: .logIndexes) ?? []
        entries = try container.decodeIfPresent([ProposedEntry].self, forKey: .entries) ?? []
        for (index, uuid) in entryUUIDs.enumerated()
        where ![32, 40].contains(RekorFieldCoding.bytes(fromHex: uuid, allowUppercase: true)?.count) {
            throw ModelError(.invalidValue, field: container.fieldPath(.entryUUIDs) + "[\(index)]",
                             "not a 64-hex UUID or 80-hex entry ID")
        }
        if let index = logIndexes.firstIndex(where: { $0 < 0 }) {
            throw ModelError(.invalidValue, field: container.fieldPath(.logIndexes) + "[\(index)]", "negative log index")
        }
        for (key, count) in [(CodingKeys.entryUUIDs, entryUUIDs.count), (.logIndexes, logIndexes.count), (.entries, entries.count)]
        where count > Self.maximumItems {
            throw ModelError(.invalidValue, field: container.fieldPath(key), "at most \(Self.maximumItems) items, found \(count)")
        }
        guard !entryUUIDs.isEmpty || !logIndexes.isEmpty || !entries.isEmpty else {
            throw ModelError(.missingField, field: container.fieldPath(.entryUUIDs),
                             "a query needs entryUUIDs, logIndexes or entries")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !entryUUIDs.isEmpty { try container.encode(entryUUIDs, forKey: .entryUUIDs) }
        if !logIndexes.isEmpty { try container.encode(logIndexes, forKey: .logIndexes) }
        if !entries.isEmpty { try container.encode(entries, forKey: .entries) }
    }
}
