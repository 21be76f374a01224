extension RekorV1 {
    /// `GET /api/v1/log`: the current tree head of the active shard and of earlier shards.
    public struct LogInfo: Sendable, Hashable {
        public var rootHash: [UInt8]
        public var treeSize: Int64
        /// The signed checkpoint note for this tree head.
        public var signedTreeHead: String
        /// The shard's tree ID as a decimal string.
        public var treeID: String
        /// Frozen earlier shards, newest first as Rekor lists them.
        public var inactiveShards: [LogInfo]

        public init(rootHash: [UInt8], treeSize: Int64, signedTreeHead: String, treeID: String,
                    inactiveShards: [LogInfo] = []) {
            self.rootHash = rootHash
            self.treeSize = treeSize
            self.signedTreeHead = signedTreeHead
            self.treeID = treeID
            self.inactiveShards = inactiveShards
        }

        /// Reads a response; members this library does not know are ignored.
        public init(decoding body: some Sequence<UInt8>) throws(ModelError) {
            self = try JSONValue.decode(LogInfo.self, from: body, limits: RekorV1.limits, rejectingUnknownMembers: false)
        }

        /// The response body (canonical JSON).
        public func encoded() throws(ModelError) -> [UInt8] {
            try RekorV1.encode(self)
        }
    }
}

extension RekorV1.LogInfo: Codable {
    private enum CodingKeys: String, CodingKey {
        case rootHash, treeSize, signedTreeHead, treeID, inactiveShards
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rootHash = try container.decodeHex(forKey: .rootHash, byteCount: 32, allowUppercase: true)
        treeSize = try container.decode(Int64.self, forKey: .treeSize)
        guard treeSize >= 0 else {
            throw ModelError(.invalidValue, field: container.fieldPath(.treeSize), "negative tree size")
        }
        signedTreeHead = try container.decode(String.self, forKey: .signedTreeHead)
        treeID = try container.decode(String.self, forKey: .treeID)
        guard !treeID.isEmpty, treeID.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            throw ModelError(.invalidValue, field: container.fieldPath(.treeID), "tree ID is not a decimal string")
        }
        inactiveShards = try container.decodeIfPresent([RekorV1.LogInfo].self, forKey: .inactiveShards) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeHex(rootHash, forKey: .rootHash)
        try container.encode(treeSize, forKey: .treeSize)
        try container.encode(signedTreeHead, forKey: .signedTreeHead)
        try container.encode(treeID, forKey: .treeID)
        if !inactiveShards.isEmpty {
            try container.encode(inactiveShards, forKey: .inactiveShards)
        }
    }
}
