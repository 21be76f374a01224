extension TransparencyLogEntry {
    /// A Merkle inclusion proof with the checkpoint it leads to
    /// (`dev.sigstore.rekor.v1.InclusionProof`).
    public struct InclusionProof: Sendable, Hashable, Codable {
        /// The leaf index the proof is for: shard-local for Rekor v1, the entry index for v2.
        public var logIndex: Int64
        /// The tree root the proof leads to (base64 in JSON).
        public var rootHash: [UInt8]
        /// The size of that tree.
        public var treeSize: Int64
        /// The audit path from leaf to root, leaf side first (base64 in JSON).
        public var hashes: [[UInt8]]
        /// The signed checkpoint for `treeSize` and `rootHash`. Every writer since bundle v0.2 sets
        /// it and validation requires it there; early v0.1 bundles carry proofs without one.
        public var checkpoint: Checkpoint?

        public init(logIndex: Int64, rootHash: [UInt8], treeSize: Int64, hashes: [[UInt8]], checkpoint: Checkpoint?) {
            self.logIndex = logIndex
            self.rootHash = rootHash
            self.treeSize = treeSize
            self.hashes = hashes
            self.checkpoint = checkpoint
        }

        private static let fields = ProtoFields("log_index", "root_hash", "tree_size", "hashes", "checkpoint")

        public init(from decoder: any Decoder) throws {
            let reader = try ProtoMessageReader(decoder, fields: Self.fields)
            logIndex = try reader.integer("logIndex")
            rootHash = try reader.requiredBytes("rootHash")
            // A proof always covers at least one leaf, so a writer never omits the size as 0.
            guard reader.contains("treeSize") else { throw reader.missing("treeSize") }
            treeSize = try reader.integer("treeSize")
            hashes = try reader.repeatedBytes("hashes")
            checkpoint = try reader.decode("checkpoint")
        }

        public func encode(to encoder: any Encoder) throws {
            var writer = ProtoMessageWriter(encoder)
            try writer.int64(logIndex, as: "logIndex", always: true)
            try writer.bytes(rootHash, as: "rootHash")
            try writer.int64(treeSize, as: "treeSize", always: true)
            // sigstore-python requires the member even for the empty proof of a one-leaf tree.
            try writer.repeatedBytes(hashes, as: "hashes", always: true)
            try writer.encode(checkpoint, as: "checkpoint")
        }
    }
}
