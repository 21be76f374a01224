import Merkle
import SigstoreTestSupport
import Testing

@Suite struct MerkleHashTests {
    @Test func emptyRootIsTheHashOfTheEmptyString() throws {
        let tree = try TestVectors.ReferenceTree.load()
        #expect(MerkleHash.emptyRoot == [UInt8](hex: tree.emptyTreeHash))
        #expect(try MerkleHash.root(ofLeafHashes: []) == MerkleHash.emptyRoot)
    }

    /// The root of the one-leaf tree is the leaf hash of the empty leaf.
    @Test func leafHashOfTheEmptyLeafIsThePublishedOneLeafRoot() throws {
        let tree = try TestVectors.ReferenceTree.load()
        #expect(MerkleHash.leaf([UInt8]()) == tree.rootHashes[0])
    }

    @Test(arguments: 1...8)
    func rootOfThePublishedTreePrefixes(size: Int) throws {
        let tree = try TestVectors.ReferenceTree.load()
        let leafHashes = tree.leafData.prefix(size).map { MerkleHash.leaf($0) }
        #expect(try MerkleHash.root(ofLeafHashes: leafHashes) == tree.rootHashes[size - 1])
    }

    @Test func nodeHashesThePrefixAndBothChildren() throws {
        let tree = try TestVectors.ReferenceTree.load()
        let leaves = tree.leafData.map { MerkleHash.leaf($0) }
        // Tree of size 2 is exactly node(leaf0, leaf1); order matters.
        #expect(MerkleHash.node(leaves[0], leaves[1]) == tree.rootHashes[1])
        #expect(MerkleHash.node(leaves[1], leaves[0]) != tree.rootHashes[1])
        #expect(MerkleHash.leaf(leaves[0] + leaves[1]) != MerkleHash.node(leaves[0], leaves[1]))
    }

    @Test func rootMatchesTheRecursiveDefinitionForEverySizeUpTo300() throws {
        let leaves = (0..<300).map { MerkleHash.leaf(Array("leaf \($0)".utf8)) }
        for size in 0...leaves.count {
            let expected = ReferenceMerkleTree.root(leaves[0..<size])
            #expect(try MerkleHash.root(ofLeafHashes: leaves[0..<size]) == expected, "size \(size)")
        }
    }

    @Test func rootRejectsHashesOfTheWrongLength() {
        let error = #expect(throws: MerkleError.self) {
            try MerkleHash.root(ofLeafHashes: [MerkleHash.emptyRoot, [1, 2, 3]])
        }
        #expect(error?.code == .invalidHashLength)
    }
}
