/// An RFC 9162 §2.1.3 inclusion proof: the audit path from one leaf to the root of a tree.
public struct InclusionProof: Hashable, Sendable {
    /// Zero-based index of the proven leaf.
    public var leafIndex: UInt64
    /// Size of the tree whose root the proof leads to.
    public var treeSize: UInt64
    /// The audit path, from the leaf's sibling upwards.
    public var hashes: [[UInt8]]

    public init(leafIndex: UInt64, treeSize: UInt64, hashes: [[UInt8]]) {
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.hashes = hashes
    }

    /// The root of the tree of ``treeSize`` implied by this proof for a leaf with hash `leafHash`
    /// (RFC 9162 §2.1.3.2), for callers that compare it with a checkpoint themselves.
    ///
    /// - Throws: ``MerkleError`` with code ``MerkleError/Code/emptyTree``,
    ///   ``MerkleError/Code/indexOutOfRange``, ``MerkleError/Code/wrongProofLength`` or
    ///   ``MerkleError/Code/invalidHashLength``.
    public func rootHash(leafHash: [UInt8]) throws -> [UInt8] {
        try computeRoot(leafHash: leafHash).bytes
    }

    /// Checks that a leaf with hash `leafHash` is at ``leafIndex`` in the tree with root `rootHash`.
    ///
    /// - Throws: ``MerkleError`` with code ``MerkleError/Code/rootMismatch`` when the proof does
    ///   not lead to `rootHash`, or any code ``rootHash(leafHash:)`` throws.
    public func verify(leafHash: [UInt8], rootHash expected: [UInt8]) throws {
        let expectedRoot = try Hash32.checked(expected, "the root hash")
        guard try computeRoot(leafHash: leafHash) == expectedRoot else {
            throw MerkleError(.rootMismatch, "the inclusion proof for leaf \(leafIndex) does not lead to the root of tree size \(treeSize)")
        }
    }

    private func computeRoot(leafHash: [UInt8]) throws -> Hash32 {
        guard treeSize > 0 else { throw MerkleError(.emptyTree, "a tree of size 0 has no leaves") }
        guard leafIndex < treeSize else {
            throw MerkleError(.indexOutOfRange, "leaf index \(leafIndex) is not below tree size \(treeSize)")
        }
        let path = AuditPath(index: leafIndex, last: treeSize - 1)
        guard hashes.count == path.length else {
            throw MerkleError(
                .wrongProofLength,
                "an inclusion proof for leaf \(leafIndex) in tree size \(treeSize) has \(path.length) hashes, not \(hashes.count)")
        }
        let seed = try Hash32.checked(leafHash, "the leaf hash")
        let siblings = try hashes.enumerated().map { try Hash32.checked($1, "proof hash \($0)") }
        return path.root(from: seed, siblings: siblings)
    }
}
