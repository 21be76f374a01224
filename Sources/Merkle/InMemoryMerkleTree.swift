public import Foundation

/// A Merkle tree held in memory with every perfect-subtree hash, for tests, benchmarks and tools.
///
/// It answers proofs for any past tree size, like a log's store does, through the same
/// ``ProofPlan`` a database-backed store uses; it also conforms to ``MerkleHashReader``. Memory
/// use is about 64 bytes per leaf.
public struct InMemoryMerkleTree: MerkleHashReader, Sendable {
    /// `levels[l][i]` is the hash of ``NodeID`` `(l, i)`; only completed subtrees are present.
    private var levels: [[Hash32]] = []

    /// An empty tree.
    public init() {}

    /// A tree with the given leaf hashes.
    ///
    /// - Throws: ``MerkleError/Code/invalidHashLength`` when a hash is not 32 bytes.
    public init(leafHashes: some Sequence<[UInt8]>) throws {
        for leafHash in leafHashes {
            try append(leafHash: leafHash)
        }
    }

    /// Number of leaves.
    public var size: UInt64 {
        UInt64(levels.first?.count ?? 0)
    }

    /// The root hash of the whole tree.
    public var rootHash: [UInt8] {
        // Size is always valid here, so this cannot throw.
        (try? rootHash(treeSize: size)) ?? MerkleHash.emptyRoot
    }

    /// Appends a leaf given its RFC 6962 leaf hash.
    ///
    /// - Throws: ``MerkleError/Code/invalidHashLength`` when `leafHash` is not 32 bytes.
    public mutating func append(leafHash: [UInt8]) throws {
        append(try Hash32.checked(leafHash, "the leaf hash"))
    }

    /// Appends a leaf given its data, hashing it as `SHA-256(0x00 ‖ data)`.
    public mutating func append(leaf data: some DataProtocol) {
        append(MerkleHash.leafHash(data))
    }

    /// The hash of a perfect subtree, or nil when the tree does not (yet) contain all its leaves.
    public func hash(of node: NodeID) -> [UInt8]? {
        storedHash(of: node)?.bytes
    }

    /// The root hash of the tree as it was at `treeSize` leaves.
    ///
    /// - Throws: ``MerkleError/Code/indexOutOfRange`` when `treeSize` exceeds ``size``.
    public func rootHash(treeSize: UInt64) throws -> [UInt8] {
        try checkSize(treeSize)
        let roots = try CompactRange.nodes(forSize: treeSize).map(requireHash)
        return CompactRange(size: treeSize, roots: roots).rootHash
    }

    /// The inclusion proof of leaf `leafIndex` in the tree as it was at `treeSize` leaves.
    public func inclusionProof(leafIndex: UInt64, treeSize: UInt64) throws -> InclusionProof {
        try checkSize(treeSize)
        let plan = try ProofPlan.inclusion(leafIndex: leafIndex, treeSize: treeSize)
        return InclusionProof(leafIndex: leafIndex, treeSize: treeSize, hashes: try plan.proofHashes(requireHash))
    }

    /// The consistency proof between two past sizes of this tree.
    public func consistencyProof(from oldSize: UInt64, to newSize: UInt64) throws -> ConsistencyProof {
        try checkSize(newSize)
        let plan = try ProofPlan.consistency(from: oldSize, to: newSize)
        return ConsistencyProof(oldSize: oldSize, newSize: newSize, hashes: try plan.proofHashes(requireHash))
    }

    public func hashes(of nodes: [NodeID]) async throws -> [[UInt8]] {
        try nodes.map { try requireHash(of: $0).bytes }
    }

    private mutating func append(_ leaf: Hash32) {
        var hash = leaf
        var level = 0
        while true {
            if level == levels.count {
                levels.append([])
            }
            levels[level].append(hash)
            let count = levels[level].count
            guard count % 2 == 0 else { return }
            hash = MerkleHash.nodeHash(levels[level][count - 2], hash)
            level += 1
        }
    }

    private func storedHash(of node: NodeID) -> Hash32? {
        guard node.level < levels.count, node.index < UInt64(levels[node.level].count) else { return nil }
        return levels[node.level][Int(node.index)]
    }

    private func requireHash(of node: NodeID) throws -> Hash32 {
        guard let hash = storedHash(of: node) else {
            throw MerkleError(.invalidNode, "node \(node) is not in a tree of size \(size)")
        }
        return hash
    }

    private func checkSize(_ treeSize: UInt64) throws {
        guard treeSize <= size else {
            throw MerkleError(.indexOutOfRange, "tree size \(treeSize) exceeds the \(size) leaves held")
        }
    }
}
