import Merkle
import LogEngine

/// A ``LogStorage`` held in memory, following the append contract (atomic, head-checked), for
/// fast sequencer tests.
actor InMemoryLogStorage: LogStorage {
    private var entries: [LoggedEntry] = []
    private var indexByLeaf: [[UInt8]: UInt64] = [:]
    private var nodes: [NodeID: [UInt8]] = [:]
    private var heads: [UInt64: TreeHead] = [:]
    private var latestSize: UInt64?
    private var searchIndex: [SearchKey: [UInt64]] = [:]

    /// Number of successful appends, empty ones included.
    private(set) var appendCount = 0

    func latestTreeHead() -> TreeHead? {
        latestSize.flatMap { heads[$0] }
    }

    func treeHead(size: UInt64) -> TreeHead? {
        heads[size]
    }

    func append(_ batch: AppendBatch) throws {
        try batch.validate()
        guard (latestSize ?? 0) == batch.previousSize else {
            throw LogEngineError(.staleTreeHead, "batch extends \(batch.previousSize), log is at \(latestSize ?? 0)")
        }
        // Check everything before changing anything, so a refused batch leaves no trace.
        var batchLeaves = Set<[UInt8]>()
        for entry in batch.entries {
            guard indexByLeaf[entry.leafHash] == nil, batchLeaves.insert(entry.leafHash).inserted else {
                throw LogEngineError(.storageFailure, "duplicate leaf hash at index \(entry.index)")
            }
        }
        for entry in batch.entries {
            entries.append(entry)
            indexByLeaf[entry.leafHash] = entry.index
        }
        for created in batch.nodes {
            nodes[created.node] = created.hash
        }
        for indexed in batch.searchKeys {
            searchIndex[indexed.key, default: []].append(indexed.index)
        }
        heads[batch.treeHead.size] = batch.treeHead
        latestSize = batch.treeHead.size
        appendCount += 1
    }

    func hashes(of wanted: [NodeID]) throws -> [[UInt8]] {
        try wanted.map { node in
            guard let hash = nodes[node] else {
                throw LogEngineError(.inconsistentStorage, "node \(node) is missing")
            }
            return hash
        }
    }

    func entries(in range: Range<UInt64>) -> [LoggedEntry] {
        let end = min(range.upperBound, UInt64(entries.count))
        guard range.lowerBound < end else { return [] }
        return Array(entries[Int(range.lowerBound)..<Int(end)])
    }

    func entries(withLeafHashes leafHashes: [[UInt8]]) -> [LoggedEntry] {
        leafHashes.compactMap { indexByLeaf[$0].map { entries[Int($0)] } }
    }

    func indices(matching key: SearchKey, limit: Int) -> [UInt64] {
        Array((searchIndex[key] ?? []).sorted().prefix(limit))
    }

    /// Overwrites a stored node hash, to simulate corruption.
    func corrupt(_ node: NodeID) {
        nodes[node] = [UInt8](repeating: 0xEE, count: 32)
    }
}
