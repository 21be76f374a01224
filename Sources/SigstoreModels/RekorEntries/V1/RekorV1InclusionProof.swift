extension RekorV1 {
    /// An RFC 6962 inclusion proof as the v1 API writes it: hex hashes, JSON integers, and the
    /// signed checkpoint of the tree it proves against.
    public struct InclusionProof: Sendable, Hashable {
        /// The shard-local leaf index used for the Merkle proof.
        public var logIndex: Int64
        public var rootHash: [UInt8]
        public var treeSize: Int64
        /// Sibling hashes from the leaf up.
        public var hashes: [[UInt8]]
        /// The signed note (§6) for `treeSize` and `rootHash`. sigstore-python rejects proofs without it.
        public var checkpoint: String

        public init(logIndex: Int64, rootHash: [UInt8], treeSize: Int64, hashes: [[UInt8]], checkpoint: String) {
            self.logIndex = logIndex
            self.rootHash = rootHash
            self.treeSize = treeSize
            self.hashes = hashes
            self.checkpoint = checkpoint
        }
    }
}

extension RekorV1.InclusionProof: Codable {
    private enum CodingKeys: String, CodingKey {
        case logIndex, rootHash, treeSize, hashes, checkpoint
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        logIndex = try container.decode(Int64.self, forKey: .logIndex)
        rootHash = try container.decodeHex(forKey: .rootHash, byteCount: 32, allowUppercase: true)
        treeSize = try container.decode(Int64.self, forKey: .treeSize)
        guard logIndex >= 0, treeSize > logIndex else {
            throw ModelError(.invalidValue, field: container.fieldPath(.logIndex),
                             "index \(logIndex) is not inside a tree of size \(treeSize)")
        }
        hashes = try RekorV1.decodeHashes(container, forKey: .hashes)
        checkpoint = try container.decode(String.self, forKey: .checkpoint)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(logIndex, forKey: .logIndex)
        try container.encodeHex(rootHash, forKey: .rootHash)
        try container.encode(treeSize, forKey: .treeSize)
        try container.encode(hashes.map(RekorFieldCoding.hex), forKey: .hashes)
        try container.encode(checkpoint, forKey: .checkpoint)
    }
}

extension RekorV1 {
    /// A list of 32-byte hashes written as hex.
    static func decodeHashes<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> [[UInt8]] {
        let texts = try container.decode([String].self, forKey: key)
        return try texts.enumerated().map { index, text in
            guard let hash = RekorFieldCoding.bytes(fromHex: text, allowUppercase: true), hash.count == 32 else {
                throw ModelError(.invalidValue, field: container.fieldPath(key) + "[\(index)]", "expected 64 hex digits")
            }
            return hash
        }
    }
}
