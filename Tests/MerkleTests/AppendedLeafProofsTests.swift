import Merkle
import Testing

@Suite struct AppendedLeafProofsTests {
    static let leaves = (0..<300).map { MerkleHash.leaf(Array("leaf \($0)".utf8)) }

    /// Every appended leaf of appends from every size up to 130, with batches of 1 to 70 leaves,
    /// against the proofs of the whole tree held in memory (itself checked against RFC 6962's
    /// PATH(m, D[n]) in InMemoryMerkleTreeTests).
    @Test func matchesTheWholeTreesProofForEveryAppendedLeaf() throws {
        let whole = try InMemoryMerkleTree(leafHashes: Self.leaves)
        for previousSize in 0...130 {
            for batchSize in [1, 2, 3, 5, 8, 13, 31, 32, 33, 64, 70] {
                var range = CompactRange()
                try range.append(leafHashes: Self.leaves[0..<previousSize])
                let before = range
                let completed = try range.append(leafHashes: Self.leaves[previousSize..<(previousSize + batchSize)])
                let proofs = AppendedLeafProofs(before: before, completed: completed)
                #expect(proofs.newLeaves == UInt64(previousSize)..<UInt64(previousSize + batchSize))
                let treeSize = previousSize + batchSize
                for leaf in previousSize..<treeSize {
                    let proof = try proofs.inclusionProof(leafIndex: UInt64(leaf))
                    #expect(proof.treeSize == UInt64(treeSize))
                    let expected = try whole.inclusionProof(leafIndex: UInt64(leaf), treeSize: UInt64(treeSize))
                    #expect(proof == expected, "leaf \(leaf) after appending \(batchSize) to \(previousSize)")
                    try proof.verify(leafHash: Self.leaves[leaf], rootHash: range.rootHash)
                }
            }
        }
    }

    @Test func refusesLeavesTheAppendDidNotAdd() throws {
        var range = CompactRange()
        try range.append(leafHashes: Self.leaves[0..<10])
        let before = range
        let completed = try range.append(leafHashes: Self.leaves[10..<15])
        let proofs = AppendedLeafProofs(before: before, completed: completed)
        for outside: UInt64 in [0, 9, 15, 1000] {
            let error = #expect(throws: MerkleError.self) { try proofs.inclusionProof(leafIndex: outside) }
            #expect(error?.code == .indexOutOfRange)
        }
    }
}
