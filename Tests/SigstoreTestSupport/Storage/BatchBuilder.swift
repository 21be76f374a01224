public import LogEngine
public import Merkle

/// Builds ``AppendBatch``es the way the sequencer does, without signing: storages treat the
/// checkpoint text as opaque.
public struct BatchBuilder: Sendable {
    public var range = CompactRange()
    public var integratedTime: Int64 = 1_767_225_600

    public init() {}

    public mutating func batch(bodies: [[UInt8]], keys: [[SearchKey]] = []) throws -> AppendBatch {
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
