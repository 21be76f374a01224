/// Inclusion proofs for the leaves one append added, computed in memory from the compact range
/// before the append and the nodes the append completed: no stored hash is read.
///
/// Every perfect subtree an audit path of a new leaf names is one of those two: a subtree lying
/// wholly before the append is a left sibling of a subtree that holds a new leaf, and such a
/// sibling is always one of the old range's subtrees; any other subtree on the path ends among
/// the new leaves, so the append completed it. So a sequencer can answer each writer with its
/// proof as soon as the batch is durable, without reading the batch back.
///
/// ```swift
/// let before = range
/// let completed = try range.append(leafHashes: batch)
/// let proofs = AppendedLeafProofs(before: before, completed: completed)
/// let proof = try proofs.inclusionProof(leafIndex: before.size)  // in the tree of range.size
/// ```
public struct AppendedLeafProofs: Sendable, Hashable {
    private var hashes: [NodeID: [UInt8]]
    private let firstNewLeaf: UInt64
    private let treeSize: UInt64

    /// - Parameters:
    ///   - before: the range as it was before the append.
    ///   - completed: what ``CompactRange/append(leafHashes:)`` returned for the append.
    public init(before: CompactRange, completed: [NodeHash]) {
        var hashes: [NodeID: [UInt8]] = [:]
        hashes.reserveCapacity(before.size.nonzeroBitCount + completed.count)
        for (node, hash) in zip(before.nodes, before.hashes) {
            hashes[node] = hash
        }
        var appended: UInt64 = 0
        for node in completed {
            hashes[node.node] = node.hash
            if node.node.level == 0 { appended += 1 }
        }
        self.hashes = hashes
        firstNewLeaf = before.size
        treeSize = before.size + appended
    }

    /// The leaves this append added.
    public var newLeaves: Range<UInt64> {
        firstNewLeaf..<treeSize
    }

    /// The RFC 9162 inclusion proof of new leaf `leafIndex` in the tree right after the append.
    ///
    /// - Throws: ``MerkleError/Code/indexOutOfRange`` for a leaf the append did not add.
    public func inclusionProof(leafIndex: UInt64) throws -> InclusionProof {
        guard newLeaves.contains(leafIndex) else {
            throw MerkleError(.indexOutOfRange, "leaf \(leafIndex) is not one of the appended leaves \(newLeaves)")
        }
        let plan = try ProofPlan.inclusion(leafIndex: leafIndex, treeSize: treeSize)
        let nodeHashes = try plan.nodes.map { node in
            guard let hash = hashes[node] else {
                throw MerkleError(.invalidNode, "node \(node) is neither in the range before the append nor completed by it")
            }
            return hash
        }
        return InclusionProof(leafIndex: leafIndex, treeSize: treeSize, hashes: try plan.proofHashes(combining: nodeHashes))
    }
}
