extension TransparencyLogEntry {
    /// Checks what can be checked without keys (interop-contract §11.1): indexes and times
    /// are not negative, the proof's tree contains its leaf, hashes are SHA-256 sized, and the
    /// audit path has exactly the length RFC 9162 gives for that leaf and tree size.
    public func validate() throws(ModelError) {
        try validate(at: "")
    }

    func validate(at prefix: String) throws(ModelError) {
        func field(_ name: String) -> String { prefix.isEmpty ? name : prefix + "." + name }
        guard logIndex >= 0 else {
            throw ModelError(.invalidValue, field: field("logIndex"), "log index \(logIndex) is negative")
        }
        guard integratedTime >= 0 else {
            throw ModelError(.invalidValue, field: field("integratedTime"), "integrated time \(integratedTime) is negative")
        }
        guard let proof = inclusionProof else { return }
        guard proof.logIndex >= 0 else {
            throw ModelError(.invalidValue, field: field("inclusionProof.logIndex"), "leaf index \(proof.logIndex) is negative")
        }
        guard proof.treeSize > proof.logIndex else {
            throw ModelError(.invalidValue, field: field("inclusionProof.treeSize"),
                             "tree size \(proof.treeSize) does not contain leaf \(proof.logIndex)")
        }
        guard proof.rootHash.count == Self.hashSize else {
            throw ModelError(.invalidValue, field: field("inclusionProof.rootHash"), "root hash is not \(Self.hashSize) bytes")
        }
        for (index, hash) in proof.hashes.enumerated() where hash.count != Self.hashSize {
            throw ModelError(.invalidValue, field: field("inclusionProof.hashes[\(index)]"), "hash is not \(Self.hashSize) bytes")
        }
        let expected = Self.auditPathLength(index: UInt64(proof.logIndex), treeSize: UInt64(proof.treeSize))
        guard proof.hashes.count == expected else {
            throw ModelError(.invalidValue, field: field("inclusionProof.hashes"),
                             "\(proof.hashes.count) hashes given, leaf \(proof.logIndex) of \(proof.treeSize) needs \(expected)")
        }
    }

    /// Every Sigstore log hashes its tree with SHA-256.
    private static let hashSize = 32

    // RFC 9162 §2.1.3.2: the path climbs through the levels where the leaf and the last leaf
    // differ, then one hash per set bit above them (the right border of the tree).
    private static func auditPathLength(index: UInt64, treeSize: UInt64) -> Int {
        let inner = UInt64.bitWidth - (index ^ (treeSize - 1)).leadingZeroBitCount
        let border = inner >= UInt64.bitWidth ? 0 : (index >> UInt64(inner)).nonzeroBitCount
        return inner + border
    }
}
