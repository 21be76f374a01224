extension MerkleHash {
    /// The RFC 9162 §2.1.1 Merkle Tree Hash of a list of leaf hashes: the empty-string hash for no
    /// leaves, the leaf hash for one, otherwise the node hash of the roots of the first `k` and
    /// the remaining leaves, where `k` is the largest power of two smaller than the count.
    ///
    /// Computed left to right with a compact range, so any number of leaves uses O(log n) memory.
    ///
    /// - Throws: ``MerkleError/Code/invalidHashLength`` when a leaf hash is not 32 bytes.
    public static func root(ofLeafHashes leafHashes: some Sequence<[UInt8]>) throws -> [UInt8] {
        var range = CompactRange()
        for (position, leafHash) in leafHashes.enumerated() {
            range.append(try Hash32.checked(leafHash, "leaf hash \(position)")) { _, _ in }
        }
        return range.rootHash
    }
}
