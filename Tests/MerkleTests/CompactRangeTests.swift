import Merkle
import SigstoreTestSupport
import Testing

@Suite struct CompactRangeTests {
    static let leaves = (0..<1101).map { MerkleHash.leaf(Array("leaf \($0)".utf8)) }

    @Test func rootEqualsTheMerkleTreeHashForEverySizeUpTo1100() throws {
        var range = CompactRange()
        #expect(range.rootHash == MerkleHash.emptyRoot)
        var cache: [Range<Int>: [UInt8]] = [:]
        for size in 1...1100 {
            try range.append(leafHash: Self.leaves[size - 1])
            #expect(range.size == UInt64(size))
            #expect(range.hashes.count == size.nonzeroBitCount)
            #expect(range.rootHash == ReferenceMerkleTree.root(Self.leaves, 0..<size, cache: &cache), "size \(size)")
        }
    }

    @Test func rootMatchesThePublishedReferenceTree() throws {
        let tree = try TestVectors.ReferenceTree.load()
        var range = CompactRange()
        for (size, leaf) in tree.leafData.enumerated() {
            try range.append(leafHash: MerkleHash.leaf(leaf))
            #expect(range.rootHash == tree.rootHashes[size])
        }
    }

    @Test func appendReturnsTheLeafAndEveryCompletedParent() throws {
        var range = CompactRange()
        try range.append(leafHashes: Self.leaves[0..<7])
        // Leaf 7 completes (0,7), (1,3), (2,1) and (3,0).
        let created = try range.append(leafHash: Self.leaves[7])
        #expect(created.map(\.node) == [.leaf(7), NodeID(level: 1, index: 3), NodeID(level: 2, index: 1), NodeID(level: 3, index: 0)])
        #expect(created.last?.hash == ReferenceMerkleTree.root(Self.leaves[0..<8]))
        #expect(created[2].hash == ReferenceMerkleTree.root(Self.leaves[4..<8]))
        #expect(range.nodes == [NodeID(level: 3, index: 0)])
        // Leaf 8 completes only itself.
        #expect(try range.append(leafHash: Self.leaves[8]).map(\.node) == [.leaf(8)])
    }

    /// A batch touches every node once: N leaves create N leaf nodes and fewer than N parents
    /// (plus at most log n merges with the existing range).
    @Test func batchAppendCreatesExactlyTheNewPerfectSubtrees() throws {
        var range = CompactRange()
        try range.append(leafHashes: Self.leaves[0..<1000])
        let created = try range.append(leafHashes: Self.leaves[1000..<1100])
        let tree = try InMemoryMerkleTree(leafHashes: Self.leaves[0..<1100])
        let expectedCount = (0...10).reduce(0) { $0 + Int((1100 >> $1) - (1000 >> $1)) }
        #expect(created.count == expectedCount)
        for node in created {
            #expect(tree.hash(of: node.node) == node.hash, "node \(node.node)")
        }
    }

    @Test func restoresFromStoredNodes() throws {
        let tree = try InMemoryMerkleTree(leafHashes: Self.leaves[0..<777])
        let nodes = CompactRange.nodes(forSize: 777)
        #expect(nodes == [NodeID(level: 9, index: 0), NodeID(level: 8, index: 2), NodeID(level: 3, index: 96), NodeID(level: 0, index: 776)])
        var restored = try CompactRange(size: 777, hashes: nodes.map { try #require(tree.hash(of: $0)) })
        #expect(restored.rootHash == tree.rootHash)
        try restored.append(leafHashes: Self.leaves[777..<1101])
        #expect(restored.rootHash == (try InMemoryMerkleTree(leafHashes: Self.leaves)).rootHash)
    }

    @Test func rejectsInconsistentState() {
        let wrongCount = #expect(throws: MerkleError.self) { try CompactRange(size: 3, hashes: [MerkleHash.emptyRoot]) }
        #expect(wrongCount?.code == .invalidCompactRange)
        let wrongLength = #expect(throws: MerkleError.self) { try CompactRange(size: 1, hashes: [[1]]) }
        #expect(wrongLength?.code == .invalidHashLength)
        var range = CompactRange()
        let badLeaf = #expect(throws: MerkleError.self) { try range.append(leafHashes: [MerkleHash.emptyRoot, [0]]) }
        #expect(badLeaf?.code == .invalidHashLength)
        #expect(range.size == 0)
    }
}
