extension RekorV1 {
    /// `GET /api/v1/log/proof`: an RFC 6962 consistency proof between two tree sizes, in hex.
    public struct ConsistencyProof: Sendable, Hashable {
        /// The root of the larger tree.
        public var rootHash: [UInt8]
        /// The proof hashes, in RFC 6962 order.
        public var hashes: [[UInt8]]

        public init(rootHash: [UInt8], hashes: [[UInt8]]) {
            self.rootHash = rootHash
            self.hashes = hashes
        }

        /// Reads a response; members this library does not know are ignored.
        public init(decoding body: some Sequence<UInt8>) throws(ModelError) {
            self = try JSONValue.decode(ConsistencyProof.self, from: body, limits: RekorV1.limits,
                                        rejectingUnknownMembers: false)
        }

        /// The response body (canonical JSON).
        public func encoded() throws(ModelError) -> [UInt8] {
            try RekorV1.encode(self)
        }
    }
}

extension RekorV1.ConsistencyProof: Codable {
    private enum CodingKeys: String, CodingKey {
        case rootHash, hashes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rootHash = try container.decodeHex(forKey: .rootHash, byteCount: 32, allowUppercase: true)
        hashes = try RekorV1.decodeHashes(container, forKey: .hashes)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeHex(rootHash, forKey: .rootHash)
        try container.encode(hashes.map(RekorFieldCoding.hex), forKey: .hashes)
    }
}
