/// A source of stored perfect-subtree hashes, such as a log's database.
///
/// Proofs, roots and tiles are built through this seam with one batched read each: a store never
/// needs to read leaf ranges, only the O(log n) nodes that ``ProofPlan`` names.
public protocol MerkleHashReader: Sendable {
    /// The hashes of `nodes`, in the same order.
    ///
    /// Every node asked for lies in a tree the caller knows to exist, so a missing node means the
    /// store is inconsistent; throw rather than return fewer hashes.
    func hashes(of nodes: [NodeID]) async throws -> [[UInt8]]
}

extension MerkleHashReader {
    /// Builds the inclusion proof of leaf `leafIndex` in the tree of `treeSize` leaves.
    ///
    /// - Throws: ``MerkleError`` for invalid arguments or inconsistent stored hashes, and whatever
    ///   the store throws.
    public func inclusionProof(leafIndex: UInt64, treeSize: UInt64) async throws -> InclusionProof {
        let plan = try ProofPlan.inclusion(leafIndex: leafIndex, treeSize: treeSize)
        let hashes = try plan.proofHashes(combining: await hashes(of: plan.nodes))
        return InclusionProof(leafIndex: leafIndex, treeSize: treeSize, hashes: hashes)
    }

    /// Builds the consistency proof from the tree of `oldSize` leaves to the tree of `newSize`.
    ///
    /// - Throws: ``MerkleError`` for invalid arguments or inconsistent stored hashes, and whatever
    ///   the store throws.
    public func consistencyProof(from oldSize: UInt64, to newSize: UInt64) async throws -> ConsistencyProof {
        let plan = try ProofPlan.consistency(from: oldSize, to: newSize)
        let hashes = try plan.proofHashes(combining: await hashes(of: plan.nodes))
        return ConsistencyProof(oldSize: oldSize, newSize: newSize, hashes: hashes)
    }

    /// The root hash of the tree of `treeSize` leaves, from its compact range.
    public func rootHash(treeSize: UInt64) async throws -> [UInt8] {
        try await compactRange(treeSize: treeSize).rootHash
    }

    /// The compact range of the tree of `treeSize` leaves, to continue appending from.
    public func compactRange(treeSize: UInt64) async throws -> CompactRange {
        let nodes = CompactRange.nodes(forSize: treeSize)
        return try CompactRange(size: treeSize, hashes: await hashes(of: nodes))
    }

    /// The content of `tile` (its hashes, concatenated) in a tree of `treeSize` leaves.
    ///
    /// - Throws: ``MerkleError/Code/invalidTile`` when the tree does not contain the tile.
    public func tileData(for tile: Tile, treeSize: UInt64) async throws -> [UInt8] {
        let nodes = try tile.nodes(inTreeOfSize: treeSize)
        let hashes = try await hashes(of: nodes)
        guard hashes.count == nodes.count else {
            throw MerkleError(.invalidNode, "expected \(nodes.count) node hashes, got \(hashes.count)")
        }
        var data: [UInt8] = []
        data.reserveCapacity(nodes.count * MerkleHash.byteCount)
        for (node, hash) in zip(nodes, hashes) {
            data.append(contentsOf: try Hash32.checked(hash, "the hash of node \(node)").bytes)
        }
        return data
    }
}
