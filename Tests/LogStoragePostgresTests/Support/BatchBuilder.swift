import Merkle
import LogEngine

/// Builds ``AppendBatch``es the way the sequencer does, without signing: the storage treats the
/// checkpoint text as opaque.
struct BatchBuilder {
    var range = CompactRange()
    var integratedTime: Int64 = 1_767_225_600

    mutating func batch(bodies: [[UInt8]], keys: [[SearchKey]] = []) throws -> AppendBatch {
        let previousSize = range.size
        let entries = bodies.enumerated().map { offset, body in
            LoggedEntry(index: previousSize + UInt64(offset), leafHash: MerkleHash.leaf(body), body: body, integratedTime: integratedTime)
        }
        var searchKeys: [AppendBatch.IndexedKey] = []
        for (offset, entryKeys) in keys.enumerated() {
            searchKeys += entryKeys.map { AppendBatch.IndexedKey(key: $0, index: previousSize + UInt64(offset)) }
        }
        let nodes = try range.append(leafHashes: entries.map(\.leafHash))
        let head = TreeHead(size: range.size, rootHash: range.rootHash, checkpoint: "checkpoint \(range.size)\n")
        return AppendBatch(previousSize: previousSize, entries: entries, searchKeys: searchKeys, nodes: nodes, treeHead: head)
    }
}
