import Merkle
import SigstoreTestSupport
import Testing

@Suite struct InclusionProofTests {
    static let reference = try! TestVectors.ReferenceTree.load()
    static let happyPaths = try! TestVectors.load("happy-paths", as: TestVectors.HappyPaths.self).inclusion
    static let probes = try! TestVectors.load("inclusion-probes-5-8", as: [TestVectors.InclusionProbe].self)

    @Test(arguments: reference.inclusionProofs.indices)
    func publishedProofsVerifyAgainstPublishedRoots(_ position: Int) throws {
        let vector = Self.reference.inclusionProofs[position]
        let leafHash = MerkleHash.leaf(Self.reference.leafData[Int(vector.leafIndex)])
        let root = Self.reference.rootHashes[Int(vector.treeSize) - 1]
        let proof = InclusionProof(leafIndex: vector.leafIndex, treeSize: vector.treeSize, hashes: vector.proof.map { [UInt8](hex: $0) })
        #expect(try proof.rootHash(leafHash: leafHash) == root)
        try proof.verify(leafHash: leafHash, rootHash: root)
    }

    @Test(arguments: happyPaths + probes)
    func publishedProbes(_ probe: TestVectors.InclusionProbe) {
        let proof = InclusionProof(leafIndex: probe.leafIdx, treeSize: probe.treeSize, hashes: (probe.proof ?? []).map { [UInt8](base64: $0) })
        let outcome = Result { try proof.verify(leafHash: [UInt8](base64: probe.leafHash), rootHash: [UInt8](base64: probe.root)) }
        #expect((try? outcome.get()) == nil ? probe.wantErr : !probe.wantErr)
    }

    /// Each published probe fails for the reason its name gives.
    @Test(arguments: [
        ("empty root", MerkleError.Code.rootMismatch),
        ("inserted component", .wrongProofLength),
        ("leafIdx + 1", .rootMismatch),
        ("leafIdx - 1", .rootMismatch),
        ("leafIdx ^ 2", .rootMismatch),
        ("modified proof[0] bit 3", .rootMismatch),
        ("preceding garbage", .wrongProofLength),
        ("removed component", .wrongProofLength),
        ("treeSize * 2", .wrongProofLength),
        ("treeSize div 2", .indexOutOfRange),
        ("wrong leaf", .invalidHashLength),
    ])
    func publishedProbesFailWithTheRightCode(desc: String, code: MerkleError.Code) throws {
        let probe = try #require(Self.probes.first { $0.desc == desc })
        let proof = InclusionProof(leafIndex: probe.leafIdx, treeSize: probe.treeSize, hashes: (probe.proof ?? []).map { [UInt8](base64: $0) })
        let error = #expect(throws: MerkleError.self) {
            try proof.verify(leafHash: [UInt8](base64: probe.leafHash), rootHash: [UInt8](base64: probe.root))
        }
        #expect(error?.code == code)
    }

    /// transparency-dev `TestVerifyInclusionSingleEntry`: in a one-leaf tree the root is the leaf hash.
    @Test func singleEntryTree() throws {
        let hash = MerkleHash.leaf(Array("data".utf8))
        let proof = InclusionProof(leafIndex: 0, treeSize: 1, hashes: [])
        try proof.verify(leafHash: hash, rootHash: hash)
        #expect(throws: MerkleError.self) { try proof.verify(leafHash: [], rootHash: hash) }
        #expect(throws: MerkleError.self) { try proof.verify(leafHash: hash, rootHash: []) }
        #expect(throws: MerkleError.self) { try proof.verify(leafHash: [], rootHash: []) }
    }

    /// transparency-dev `TestVerifyInclusion` probes: no (index, size) without leaves verifies.
    @Test(arguments: [(UInt64(0), UInt64(0), MerkleError.Code.emptyTree), (0, 1, .rootMismatch), (1, 0, .emptyTree), (2, 1, .indexOutOfRange)])
    func invalidPositions(index: UInt64, size: UInt64, code: MerkleError.Code) {
        let someHash = [UInt8](hex: "abacaba000000000000000000000000000000000000000000060061e00123456")
        let proof = InclusionProof(leafIndex: index, treeSize: size, hashes: [])
        let error = #expect(throws: MerkleError.self) { try proof.verify(leafHash: someHash, rootHash: MerkleHash.emptyRoot) }
        #expect(error?.code == code)
    }

    @Test func rejectsProofHashesThatAreNot32Bytes() {
        let leaves = Self.reference.leafData.map { MerkleHash.leaf($0) }
        var hashes = [leaves[1], MerkleHash.node(leaves[2], leaves[3]), Self.reference.rootHashes[3]]
        hashes[1].removeLast()
        let proof = InclusionProof(leafIndex: 0, treeSize: 5, hashes: hashes)
        let error = #expect(throws: MerkleError.self) { try proof.rootHash(leafHash: leaves[0]) }
        #expect(error?.code == .invalidHashLength)
    }

    /// Generated proofs for random (index, size) pairs verify, equal RFC 9162 PATH, and every
    /// mutation of them is rejected.
    @Test func randomizedProofsVerifyAndMutationsFail() throws {
        let leaves = (0..<3000).map { MerkleHash.leaf(Array("entry \($0)".utf8)) }
        let tree = try InMemoryMerkleTree(leafHashes: leaves)
        var generator = SeededGenerator(seed: 1)
        for round in 0..<1500 {
            let size = UInt64.random(in: 1...UInt64(leaves.count), using: &generator)
            let index = UInt64.random(in: 0..<size, using: &generator)
            let root = try tree.rootHash(treeSize: size)
            let proof = try tree.inclusionProof(leafIndex: index, treeSize: size)
            try proof.verify(leafHash: leaves[Int(index)], rootHash: root)
            if round < 100 {
                #expect(proof.hashes == ReferenceMerkleTree.path(Int(index), leaves[0..<Int(size)]))
            }
            guard round < 300 else { continue }
            for mutant in Self.mutations(of: proof) {
                #expect(throws: MerkleError.self, "\(mutant) must not verify") {
                    try mutant.verify(leafHash: leaves[Int(index)], rootHash: root)
                }
            }
            // A size off by one with the same audit-path shape implies the very same root, so
            // it verifies: the proof binds the size only through the signed checkpoint.
            for otherSize in [size - 1, size + 1] where otherSize > index && Self.sameShape(index, size, otherSize) {
                let mutant = InclusionProof(leafIndex: index, treeSize: otherSize, hashes: proof.hashes)
                #expect(try mutant.rootHash(leafHash: leaves[Int(index)]) == root)
            }
        }
    }

    /// Mutations that must fail: every hash with a bit flipped, removed or cut short, a hash
    /// added at either end, the index off by one, and sizes that change the path's shape.
    static func mutations(of proof: InclusionProof) -> [InclusionProof] {
        var mutants: [InclusionProof] = []
        func with(_ change: (inout InclusionProof) -> Void) {
            var copy = proof
            change(&copy)
            mutants.append(copy)
        }
        for position in proof.hashes.indices {
            for bit in [0, 7, 255] {
                with { $0.hashes[position][bit / 8] ^= 1 << (bit % 8) }
            }
            with { $0.hashes.remove(at: position) }
            with { $0.hashes[position].removeLast() }
        }
        with { $0.hashes.append(MerkleHash.emptyRoot) }
        with { $0.hashes.insert(MerkleHash.emptyRoot, at: 0) }
        with { $0.leafIndex += 1 }
        if proof.leafIndex > 0 { with { $0.leafIndex -= 1 } }
        for otherSize in [proof.treeSize - 1, proof.treeSize + 1, proof.treeSize * 2]
        where otherSize <= proof.leafIndex || !sameShape(proof.leafIndex, proof.treeSize, otherSize) {
            with { $0.treeSize = otherSize }
        }
        return mutants
    }

    /// Whether the audit path of `index` has the same shape in trees of both sizes: it depends
    /// only on the highest bit where the index and the last index differ.
    static func sameShape(_ index: UInt64, _ size: UInt64, _ otherSize: UInt64) -> Bool {
        guard size > 0, otherSize > 0 else { return false }
        return (index ^ (size - 1)).leadingZeroBitCount == (index ^ (otherSize - 1)).leadingZeroBitCount
    }
}
