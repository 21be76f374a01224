public import Merkle

/// Everything one sequencer commit writes, in one durable transaction: new entries, their search
/// keys, the perfect subtrees they complete and the new signed tree head.
public struct AppendBatch: Sendable, Hashable {
    /// A search key pointing at one entry of the batch.
    public struct IndexedKey: Sendable, Hashable {
        public var key: SearchKey
        public var index: UInt64

        public init(key: SearchKey, index: UInt64) {
            self.key = key
            self.index = index
        }
    }

    /// Size of the tree head this batch extends. The storage must refuse the batch with
    /// ``LogEngineError/Code/staleTreeHead`` unless this is still the latest size.
    public var previousSize: UInt64
    /// New entries with indices `previousSize, previousSize + 1, …` in order.
    public var entries: [LoggedEntry]
    /// Search keys of the new entries.
    public var searchKeys: [IndexedKey]
    /// Every perfect subtree the batch completes, as ``CompactRange/append(leafHashes:)``
    /// returns them, leaves (level 0) included.
    public var nodes: [NodeHash]
    /// The tree head after the batch; its size is `previousSize + entries.count`.
    public var treeHead: TreeHead

    public init(previousSize: UInt64, entries: [LoggedEntry], searchKeys: [IndexedKey], nodes: [NodeHash], treeHead: TreeHead) {
        self.previousSize = previousSize
        self.entries = entries
        self.searchKeys = searchKeys
        self.nodes = nodes
        self.treeHead = treeHead
    }

    /// The range of indices the batch fills.
    public var indices: Range<UInt64> {
        previousSize..<(previousSize + UInt64(entries.count))
    }

    /// Checks the invariants a storage relies on: contiguous indices, matching sizes, 32-byte
    /// hashes, search keys and nodes inside the batch's range. Storages call this before writing.
    ///
    /// - Throws: ``LogEngineError/Code/invalidBatch``.
    public func validate() throws(LogEngineError) {
        guard treeHead.size == indices.upperBound else {
            throw LogEngineError(.invalidBatch, "a batch of \(entries.count) entries after size \(previousSize) cannot end at size \(treeHead.size)")
        }
        guard treeHead.rootHash.count == MerkleHash.byteCount else {
            throw LogEngineError(.invalidBatch, "the tree head's root hash is \(treeHead.rootHash.count) bytes, not 32")
        }
        for (offset, entry) in entries.enumerated() {
            guard entry.index == previousSize + UInt64(offset) else {
                throw LogEngineError(.invalidBatch, "entry \(offset) of the batch has index \(entry.index), not \(previousSize + UInt64(offset))")
            }
            guard entry.leafHash.count == MerkleHash.byteCount else {
                throw LogEngineError(.invalidBatch, "entry \(entry.index) has a leaf hash of \(entry.leafHash.count) bytes")
            }
        }
        for indexed in searchKeys where !indices.contains(indexed.index) {
            throw LogEngineError(.invalidBatch, "search key \(indexed.key) points at index \(indexed.index), outside the batch")
        }
        for node in nodes {
            let lastLeaf = node.node.firstLeaf + (node.node.leafCount - 1)
            guard node.hash.count == MerkleHash.byteCount, lastLeaf >= previousSize, lastLeaf < indices.upperBound else {
                throw LogEngineError(.invalidBatch, "node \(node.node) is not completed by this batch or its hash is not 32 bytes")
            }
        }
    }
}
