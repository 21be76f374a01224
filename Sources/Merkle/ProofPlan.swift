/// Which stored perfect-subtree hashes a proof needs, and how to combine them into proof hashes.
///
/// A log stores only perfect subtrees (``NodeID``). A proof element is either one of them or an
/// *ephemeral* node on the right border of a tree whose size is not a power of two; at most one
/// such node occurs per proof, and it is the root of the perfect subtrees at positions
/// ``ephemeral`` of ``nodes``, listed smallest (rightmost) first. So a store answers any proof
/// with one batched read of at most ~2·log₂(n) hashes:
///
/// ```swift
/// let plan = try ProofPlan.inclusion(leafIndex: 5, treeSize: size)
/// let stored = try await store.hashes(of: plan.nodes)
/// let proof = InclusionProof(leafIndex: 5, treeSize: size, hashes: try plan.proofHashes(combining: stored))
/// ```
public struct ProofPlan: Hashable, Sendable {
    /// The perfect subtrees whose hashes to read, in proof order.
    public let nodes: [NodeID]
    /// Positions in ``nodes`` that fold into a single proof hash, or nil when every node is used
    /// as it is. Folding starts from the first and hashes each next node in from the left.
    public let ephemeral: Range<Int>?

    /// Number of hashes in the resulting proof.
    public var proofLength: Int {
        nodes.count - max((ephemeral?.count ?? 0) - 1, 0)
    }

    /// The plan for an RFC 9162 §2.1.3 inclusion proof of leaf `leafIndex` in a tree of `treeSize`.
    ///
    /// - Throws: ``MerkleError/Code/emptyTree`` or ``MerkleError/Code/indexOutOfRange``.
    public static func inclusion(leafIndex: UInt64, treeSize: UInt64) throws -> ProofPlan {
        guard treeSize > 0 else { throw MerkleError(.emptyTree, "a tree of size 0 has no leaves") }
        guard leafIndex < treeSize else {
            throw MerkleError(.indexOutOfRange, "leaf index \(leafIndex) is not below tree size \(treeSize)")
        }
        var builder = Builder()
        builder.appendPath(from: .leaf(leafIndex), treeSize: treeSize)
        return builder.plan
    }

    /// The plan for an RFC 9162 §2.1.4 consistency proof between tree sizes `oldSize` and `newSize`.
    ///
    /// The proof is empty when `oldSize` is 0 or equal to `newSize`: every tree is consistent with
    /// the empty tree and with itself.
    ///
    /// - Throws: ``MerkleError/Code/sizesOutOfOrder`` when `oldSize > newSize`.
    public static func consistency(from oldSize: UInt64, to newSize: UInt64) throws -> ProofPlan {
        guard oldSize <= newSize else {
            throw MerkleError(.sizesOutOfOrder, "old tree size \(oldSize) exceeds new tree size \(newSize)")
        }
        var builder = Builder()
        guard oldSize > 0, oldSize < newSize else { return builder.plan }
        // The smallest perfect subtree at the old tree's right edge; when the old tree is itself
        // perfect the verifier already has its hash (the old root), so it is left out.
        let level = oldSize.trailingZeroBitCount
        let seed = NodeID(level: level, index: (oldSize >> level) - 1)
        if seed.index != 0 {
            builder.nodes.append(seed)
        }
        builder.appendPath(from: seed, treeSize: newSize)
        return builder.plan
    }

    /// Combines the hashes of ``nodes`` (as read from storage, in the same order) into proof hashes.
    ///
    /// - Throws: ``MerkleError/Code/invalidNode`` when the count differs from ``nodes``,
    ///   ``MerkleError/Code/invalidHashLength`` when a hash is not 32 bytes.
    public func proofHashes(combining nodeHashes: [[UInt8]]) throws -> [[UInt8]] {
        guard nodeHashes.count == nodes.count else {
            throw MerkleError(.invalidNode, "expected \(nodes.count) node hashes, got \(nodeHashes.count)")
        }
        var position = 0
        return try proofHashes { _ in
            defer { position += 1 }
            return try Hash32.checked(nodeHashes[position], "the hash of node \(nodes[position])")
        }
    }

    /// Builds proof hashes reading each node through `hashOf`, in the order of ``nodes``.
    func proofHashes(_ hashOf: (NodeID) throws -> Hash32) rethrows -> [[UInt8]] {
        var proof: [[UInt8]] = []
        proof.reserveCapacity(proofLength)
        var folded: Hash32?
        for (position, node) in nodes.enumerated() {
            let hash = try hashOf(node)
            guard let ephemeral, ephemeral.contains(position) else {
                proof.append(hash.bytes)
                continue
            }
            folded = folded.map { MerkleHash.nodeHash(hash, $0) } ?? hash
            if position == ephemeral.upperBound - 1, let folded {
                proof.append(folded.bytes)
            }
        }
        return proof
    }

    private struct Builder {
        var nodes: [NodeID] = []
        var ephemeral: Range<Int>?

        var plan: ProofPlan {
            ProofPlan(nodes: nodes, ephemeral: ephemeral)
        }

        /// Appends the siblings on the path from `start` to the root of a tree of `treeSize` leaves.
        mutating func appendPath(from start: NodeID, treeSize: UInt64) {
            let path = AuditPath(index: start.index, last: (treeSize - 1) >> start.level)
            for step in 0..<path.inner {
                let level = start.level + step
                let sibling = NodeID(uncheckedLevel: level, index: (start.index >> step) ^ 1)
                if step == path.inner - 1 {
                    // The last inner sibling is the right one holding the tree's last leaf, so it
                    // may be cut short by the tree size.
                    appendRightBorder(from: sibling.firstLeaf, to: treeSize)
                } else {
                    nodes.append(sibling)
                }
            }
            var step = path.inner
            while start.index >> step != 0 {
                if (start.index >> step) & 1 == 1 {
                    nodes.append(NodeID(uncheckedLevel: start.level + step, index: (start.index >> step) - 1))
                }
                step += 1
            }
        }

        /// Appends the perfect subtrees covering leaves `first..<end`, smallest first.
        private mutating func appendRightBorder(from first: UInt64, to end: UInt64) {
            let begin = nodes.count
            var remaining = end - first
            var upper = end
            while remaining != 0 {
                let level = remaining.trailingZeroBitCount
                nodes.append(NodeID(uncheckedLevel: level, index: (upper >> level) - 1))
                upper -= 1 << level
                remaining &= remaining - 1
            }
            if nodes.count - begin > 1 {
                ephemeral = begin..<nodes.count
            }
        }
    }
}
