/// An RFC 9162 §2.1.4 consistency proof: evidence that the tree of ``newSize`` leaves extends the
/// tree of ``oldSize`` leaves without changing them.
public struct ConsistencyProof: Hashable, Sendable {
    /// Size of the earlier tree.
    public var oldSize: UInt64
    /// Size of the later tree.
    public var newSize: UInt64
    /// The proof hashes, in RFC 9162 order.
    public var hashes: [[UInt8]]

    public init(oldSize: UInt64, newSize: UInt64, hashes: [[UInt8]]) {
        self.oldSize = oldSize
        self.newSize = newSize
        self.hashes = hashes
    }

    /// Checks that the tree with root `newRoot` extends the tree with root `oldRoot`.
    ///
    /// Equal sizes need an empty proof and equal roots. An old size of 0 needs an empty proof and
    /// the empty-tree root (RFC 9162 §2.1.1: the hash of the empty string); every tree extends it.
    ///
    /// - Throws: ``MerkleError`` with code ``MerkleError/Code/sizesOutOfOrder``,
    ///   ``MerkleError/Code/wrongProofLength``, ``MerkleError/Code/invalidHashLength`` or
    ///   ``MerkleError/Code/rootMismatch``.
    public func verify(oldRoot: [UInt8], newRoot: [UInt8]) throws {
        guard oldSize <= newSize else {
            throw MerkleError(.sizesOutOfOrder, "old tree size \(oldSize) exceeds new tree size \(newSize)")
        }
        let old = try Hash32.checked(oldRoot, "the old root hash")
        let new = try Hash32.checked(newRoot, "the new root hash")
        let proof = try hashes.enumerated().map { try Hash32.checked($1, "proof hash \($0)") }

        if oldSize == 0 || oldSize == newSize {
            guard proof.isEmpty else {
                throw MerkleError(.wrongProofLength, "a consistency proof from size \(oldSize) to \(newSize) must be empty")
            }
            guard oldSize > 0 || old == Hash32(validating: MerkleHash.emptyRoot) else {
                throw MerkleError(.rootMismatch, "the old root is not the empty-tree hash")
            }
            guard oldSize < newSize || old == new else {
                throw MerkleError(.rootMismatch, "the roots of two trees of size \(oldSize) differ")
            }
            return
        }

        // Start from the smallest perfect subtree at the old tree's right edge. When the old tree
        // is perfect that subtree is the whole old tree, and the proof omits it.
        let level = oldSize.trailingZeroBitCount
        let seedIndex = (oldSize >> level) - 1
        let oldIsPerfect = seedIndex == 0
        let path = AuditPath(index: seedIndex, last: (newSize - 1) >> level)
        let expectedCount = path.length + (oldIsPerfect ? 0 : 1)
        guard proof.count == expectedCount else {
            throw MerkleError(
                .wrongProofLength,
                "a consistency proof from size \(oldSize) to \(newSize) has \(expectedCount) hashes, not \(proof.count)")
        }
        let seed = oldIsPerfect ? old : proof[0]
        let (computedNew, computedOld) = path.roots(from: seed, siblings: proof.dropFirst(oldIsPerfect ? 0 : 1))
        guard computedOld == old else {
            throw MerkleError(.rootMismatch, "the consistency proof does not lead to the old root of size \(oldSize)")
        }
        guard computedNew == new else {
            throw MerkleError(.rootMismatch, "the consistency proof does not lead to the new root of size \(newSize)")
        }
    }
}
