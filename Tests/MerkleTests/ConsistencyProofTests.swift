import Merkle
import SigstoreTestSupport
import Testing

@Suite struct ConsistencyProofTests {
    static let reference = try! TestVectors.ReferenceTree.load()
    static let happyPaths = try! TestVectors.load("happy-paths", as: TestVectors.HappyPaths.self).consistency
    static let probes = try! TestVectors.load("consistency-probes-6-7", as: [TestVectors.ConsistencyProbe].self)

    @Test(arguments: reference.consistencyProofs.indices)
    func publishedProofsVerifyAgainstPublishedRoots(_ position: Int) throws {
        let vector = Self.reference.consistencyProofs[position]
        let proof = ConsistencyProof(oldSize: vector.size1, newSize: vector.size2, hashes: vector.proof.map { [UInt8](hex: $0) })
        try proof.verify(
            oldRoot: Self.reference.rootHashes[Int(vector.size1) - 1],
            newRoot: Self.reference.rootHashes[Int(vector.size2) - 1])
    }

    @Test(arguments: happyPaths + probes)
    func publishedProbes(_ probe: TestVectors.ConsistencyProbe) {
        let proof = ConsistencyProof(oldSize: probe.size1, newSize: probe.size2, hashes: (probe.proof ?? []).map { [UInt8](base64: $0) })
        let outcome = Result { try proof.verify(oldRoot: [UInt8](base64: probe.root1), newRoot: [UInt8](base64: probe.root2)) }
        #expect((try? outcome.get()) == nil ? probe.wantErr : !probe.wantErr)
    }

    /// Each published probe fails for the reason its name gives.
    @Test(arguments: [
        ("empty proof", MerkleError.Code.wrongProofLength),
        ("modified proof[0] bit 4", .rootMismatch),
        ("modified proof[2] bit 4", .rootMismatch),
        ("preceding garbage", .invalidHashLength),
        ("preceding root1", .wrongProofLength),
        ("size1 + 1", .wrongProofLength),
        ("size1 - 1", .wrongProofLength),
        ("size2 * 2", .wrongProofLength),
        ("size2 div 2", .sizesOutOfOrder),
        ("swapped roots", .rootMismatch),
        ("truncated proof", .wrongProofLength),
        ("wrong root1", .invalidHashLength),
    ])
    func publishedProbesFailWithTheRightCode(desc: String, code: MerkleError.Code) throws {
        let probe = try #require(Self.probes.first { $0.desc == desc })
        let proof = ConsistencyProof(oldSize: probe.size1, newSize: probe.size2, hashes: (probe.proof ?? []).map { [UInt8](base64: $0) })
        let error = #expect(throws: MerkleError.self) {
            try proof.verify(oldRoot: [UInt8](base64: probe.root1), newRoot: [UInt8](base64: probe.root2))
        }
        #expect(error?.code == code)
    }

    /// The trivial cases of transparency-dev `TestVerifyConsistency`, with 32-byte roots (this
    /// verifier rejects any root that is not 32 bytes, even where the sizes make it irrelevant).
    @Test(arguments: [
        (UInt64(0), UInt64(0), "empty", "empty", 0, nil),
        (0, 1, "empty", "b", 0, nil),
        (0, 1000, "empty", "a", 0, nil),
        (1, 1, "b", "b", 0, nil),
        (0, 0, "empty", "b", 0, MerkleError.Code.rootMismatch),
        (1, 1, "a", "b", 0, .rootMismatch),
        (0, 1, "a", "b", 0, .rootMismatch),
        (1, 0, "a", "b", 0, .sizesOutOfOrder),
        (2, 1, "a", "b", 0, .sizesOutOfOrder),
        (1, 2, "a", "b", 0, .wrongProofLength),
        (0, 0, "empty", "empty", 1, .wrongProofLength),
        (0, 1, "empty", "empty", 1, .wrongProofLength),
        (1, 1, "empty", "empty", 1, .wrongProofLength),
    ] as [(UInt64, UInt64, String, String, Int, MerkleError.Code?)])
    func trivialSizes(oldSize: UInt64, newSize: UInt64, oldRoot: String, newRoot: String, proofLength: Int, code: MerkleError.Code?) throws {
        func hash(_ name: String) -> [UInt8] { name == "empty" ? MerkleHash.emptyRoot : MerkleHash.leaf(Array(name.utf8)) }
        let proof = ConsistencyProof(oldSize: oldSize, newSize: newSize, hashes: Array(repeating: MerkleHash.emptyRoot, count: proofLength))
        if let code {
            let error = #expect(throws: MerkleError.self) { try proof.verify(oldRoot: hash(oldRoot), newRoot: hash(newRoot)) }
            #expect(error?.code == code)
        } else {
            try proof.verify(oldRoot: hash(oldRoot), newRoot: hash(newRoot))
        }
    }

    /// Generated proofs for random size pairs verify, equal RFC 9162 PROOF, and every mutation
    /// is rejected.
    @Test func randomizedProofsVerifyAndMutationsFail() throws {
        let leaves = (0..<3000).map { MerkleHash.leaf(Array("entry \($0)".utf8)) }
        let tree = try InMemoryMerkleTree(leafHashes: leaves)
        var generator = SeededGenerator(seed: 2)
        for round in 0..<1500 {
            let newSize = UInt64.random(in: 1...UInt64(leaves.count), using: &generator)
            let oldSize = round % 10 == 0 ? newSize : UInt64.random(in: 1..<max(newSize, 2), using: &generator) % newSize + 1
            let oldRoot = try tree.rootHash(treeSize: oldSize)
            let newRoot = try tree.rootHash(treeSize: newSize)
            let proof = try tree.consistencyProof(from: oldSize, to: newSize)
            try proof.verify(oldRoot: oldRoot, newRoot: newRoot)
            if round < 100 {
                #expect(proof.hashes == ReferenceMerkleTree.proof(Int(oldSize), leaves[0..<Int(newSize)]))
            }
            guard round < 300, oldSize < newSize else { continue }
            for mutant in Self.mutations(of: proof) {
                #expect(throws: MerkleError.self, "\(mutant) must not verify") {
                    try mutant.verify(oldRoot: oldRoot, newRoot: newRoot)
                }
            }
            #expect(throws: MerkleError.self) { try proof.verify(oldRoot: newRoot, newRoot: oldRoot) }
        }
    }

    /// Mutations that must fail: every hash with a bit flipped, removed or cut short, a hash
    /// added at either end, the old size off by one, and new sizes that change the path's shape.
    static func mutations(of proof: ConsistencyProof) -> [ConsistencyProof] {
        var mutants: [ConsistencyProof] = []
        func with(_ change: (inout ConsistencyProof) -> Void) {
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
        with { $0.oldSize += 1 }
        with { $0.oldSize -= 1 }
        for newSize in [proof.newSize - 1, proof.newSize + 1, proof.newSize * 2]
        where !sameShape(proof.oldSize, proof.newSize, newSize) {
            with { $0.newSize = newSize }
        }
        return mutants
    }

    /// Whether the path from the old tree's last perfect subtree has the same shape in both new
    /// sizes, in which case the proof implies the same new root for both.
    static func sameShape(_ oldSize: UInt64, _ newSize: UInt64, _ otherSize: UInt64) -> Bool {
        guard oldSize < otherSize else { return false }
        let level = oldSize.trailingZeroBitCount
        let seed = (oldSize >> level) - 1
        return (seed ^ ((newSize - 1) >> level)).leadingZeroBitCount == (seed ^ ((otherSize - 1) >> level)).leadingZeroBitCount
    }
}
