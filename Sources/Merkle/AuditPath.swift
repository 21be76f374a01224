/// The shape of the path from a perfect subtree up to the root of a larger tree, shared by proof
/// generation (``ProofPlan``) and verification (``InclusionProof``, ``ConsistencyProof``).
///
/// Start at node `index` on some level, in a tree whose last node on that level is `last`. The
/// first `inner` steps pass siblings of which the last may be a right-border node that is not
/// perfect; above that the path runs along the right border, where only left siblings exist, one
/// per set bit of `index >> inner`. This is the RFC 9162 §2.1.3 path expressed in node positions.
struct AuditPath {
    let index: UInt64
    let inner: Int
    let border: Int

    init(index: UInt64, last: UInt64) {
        self.index = index
        inner = UInt64.bitWidth - (index ^ last).leadingZeroBitCount
        border = (index >> inner).nonzeroBitCount
    }

    var length: Int { inner + border }

    /// Hashes `seed` up the path using every sibling.
    func root(from seed: Hash32, siblings: some Sequence<Hash32>) -> Hash32 {
        var root = seed
        for (level, sibling) in siblings.enumerated() {
            root = isLeft(level) ? MerkleHash.nodeHash(sibling, root) : MerkleHash.nodeHash(root, sibling)
        }
        return root
    }

    /// Like ``root(from:siblings:)``, and also the root built from the left siblings only: the
    /// root of the tree that ends where the seed ends (the old tree of a consistency proof).
    func roots(from seed: Hash32, siblings: some Sequence<Hash32>) -> (root: Hash32, leftRoot: Hash32) {
        var root = seed
        var leftRoot = seed
        for (level, sibling) in siblings.enumerated() {
            if isLeft(level) {
                root = MerkleHash.nodeHash(sibling, root)
                leftRoot = MerkleHash.nodeHash(sibling, leftRoot)
            } else {
                root = MerkleHash.nodeHash(root, sibling)
            }
        }
        return (root, leftRoot)
    }

    /// Whether the `step`-th sibling on the path is a left sibling.
    private func isLeft(_ step: Int) -> Bool {
        step >= inner || (index >> step) & 1 == 1
    }
}
