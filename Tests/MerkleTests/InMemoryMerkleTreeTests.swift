import Merkle
import SigstoreTestSupport
import Testing

@Suite struct InMemoryMerkleTreeTests {
    static let reference = try! TestVectors.ReferenceTree.load()

    static func referenceTree() -> InMemoryMerkleTree {
        var tree = InMemoryMerkleTree()
        for leaf in reference.leafData {
            tree.append(leaf: leaf)
        }
        return tree
    }

    @Test func rootsOfEveryPastSizeArePublished() throws {
        let tree = Self.referenceTree()
        #expect(tree.size == 8)
        #expect(tree.rootHash == Self.reference.rootHashes[7])
        #expect(try tree.rootHash(treeSize: 0) == MerkleHash.emptyRoot)
        for size in 1...8 {
            #expect(try tree.rootHash(treeSize: UInt64(size)) == Self.reference.rootHashes[size - 1])
        }
        let error = #expect(throws: MerkleError.self) { try tree.rootHash(treeSize: 9) }
        #expect(error?.code == .indexOutOfRange)
    }

    @Test(arguments: reference.inclusionProofs.indices)
    func generatesThePublishedInclusionProofs(_ position: Int) throws {
        let vector = Self.reference.inclusionProofs[position]
        let proof = try Self.referenceTree().inclusionProof(leafIndex: vector.leafIndex, treeSize: vector.treeSize)
        #expect(proof.hashes == vector.proof.map { [UInt8](hex: $0) })
    }

    @Test(arguments: reference.consistencyProofs.indices)
    func generatesThePublishedConsistencyProofs(_ position: Int) throws {
        let vector = Self.reference.consistencyProofs[position]
        let proof = try Self.referenceTree().consistencyProof(from: vector.size1, to: vector.size2)
        #expect(proof.hashes == vector.proof.map { [UInt8](hex: $0) })
    }

    @Test func asyncReaderAnswersLikeTheSynchronousTree() async throws {
        let tree = try InMemoryMerkleTree(leafHashes: (0..<500).map { MerkleHash.leaf(Array("e\($0)".utf8)) })
        let reader: any MerkleHashReader = tree
        for (index, size) in [(0, 1), (17, 300), (499, 500), (256, 257)] as [(UInt64, UInt64)] {
            let expected = try Self.synchronousAnswers(tree, index: index, size: size)
            #expect(try await reader.inclusionProof(leafIndex: index, treeSize: size) == expected.inclusion)
            #expect(try await reader.consistencyProof(from: index + 1, to: size) == expected.consistency)
            #expect(try await reader.rootHash(treeSize: size) == expected.root)
        }
        let missing = await #expect(throws: MerkleError.self) { try await reader.inclusionProof(leafIndex: 0, treeSize: 501) }
        #expect(missing?.code == .invalidNode)
    }

    /// Outside an async context, so the tree's own synchronous methods are chosen.
    static func synchronousAnswers(_ tree: InMemoryMerkleTree, index: UInt64, size: UInt64) throws
        -> (inclusion: InclusionProof, consistency: ConsistencyProof, root: [UInt8])
    {
        (
            try tree.inclusionProof(leafIndex: index, treeSize: size),
            try tree.consistencyProof(from: index + 1, to: size),
            try tree.rootHash(treeSize: size)
        )
    }

    @Test func nodesExistOnlyOnceComplete() throws {
        var tree = Self.referenceTree()
        tree.append(leaf: [0x70])
        #expect(tree.hash(of: NodeID(level: 3, index: 0)) == Self.reference.rootHashes[7])
        #expect(tree.hash(of: .leaf(8)) == MerkleHash.leaf([0x70]))
        #expect(tree.hash(of: NodeID(level: 1, index: 4)) == nil)
        #expect(tree.hash(of: NodeID(level: 4, index: 0)) == nil)
        let error = #expect(throws: MerkleError.self) { try tree.append(leafHash: [1, 2]) }
        #expect(error?.code == .invalidHashLength)
    }
}
