import Merkle
import Testing

@Suite struct ProofPlanTests {
    static let plans = try! TestVectors.load("proof-node-plans", as: TestVectors.NodePlans.self)

    @Test(arguments: plans.inclusion)
    func inclusionPlanMatchesPublishedNodes(_ vector: TestVectors.NodePlans.Inclusion) throws {
        let plan = try ProofPlan.inclusion(leafIndex: vector.index, treeSize: vector.size)
        #expect(plan.nodes == vector.nodes.map { NodeID(level: Int($0[0]), index: $0[1]) })
        #expect(plan.ephemeral == vector.rehash.map { $0[0]..<$0[1] })
    }

    @Test(arguments: plans.consistency)
    func consistencyPlanMatchesPublishedNodes(_ vector: TestVectors.NodePlans.Consistency) throws {
        let plan = try ProofPlan.consistency(from: vector.size1, to: vector.size2)
        #expect(plan.nodes == vector.nodes.map { NodeID(level: Int($0[0]), index: $0[1]) })
        #expect(plan.ephemeral == vector.rehash.map { $0[0]..<$0[1] })
    }

    @Test func publishedInvalidArgumentsAreRejected() {
        for pair in Self.plans.inclusionErrors {
            let error = #expect(throws: MerkleError.self) { try ProofPlan.inclusion(leafIndex: pair[1], treeSize: pair[0]) }
            #expect(error?.code == (pair[0] == 0 ? .emptyTree : .indexOutOfRange))
        }
        for pair in Self.plans.consistencyErrors {
            let error = #expect(throws: MerkleError.self) { try ProofPlan.consistency(from: pair[0], to: pair[1]) }
            #expect(error?.code == .sizesOutOfOrder)
        }
    }

    @Test func consistencyFromTheEmptyTreeIsEmpty() throws {
        #expect(try ProofPlan.consistency(from: 0, to: 0).nodes.isEmpty)
        #expect(try ProofPlan.consistency(from: 0, to: 12345).nodes.isEmpty)
    }

    /// The published `TestRehash` cases: (leaf, size, node count, expected proof as positions,
    /// with `[a, b]` meaning node(hash a, hash b)).
    @Test(arguments: [
        (UInt64(3), UInt64(8), 3, [[0], [1], [2]]),
        (UInt64(9), UInt64(15), 5, [[0], [1], [3, 2], [4]]),
        (UInt64(2), UInt64(7), 4, [[0], [1], [3, 2]]),
    ])
    func combiningFoldsTheEphemeralNode(leaf: UInt64, size: UInt64, nodeCount: Int, expected: [[Int]]) throws {
        let hashes = (1...nodeCount).map { MerkleHash.leaf(Array("Hash \($0)".utf8)) }
        let plan = try ProofPlan.inclusion(leafIndex: leaf, treeSize: size)
        #expect(plan.nodes.count == nodeCount)
        #expect(plan.proofLength == expected.count)
        let want = expected.map { $0.count == 1 ? hashes[$0[0]] : MerkleHash.node(hashes[$0[0]], hashes[$0[1]]) }
        #expect(try plan.proofHashes(combining: hashes) == want)
    }

    @Test func plansReadLogarithmicallyManyNodes() throws {
        let size: UInt64 = 1 << 40 + 12345
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<1000 {
            let index = UInt64.random(in: 0..<size, using: &generator)
            #expect(try ProofPlan.inclusion(leafIndex: index, treeSize: size).nodes.count <= 2 * 41)
            #expect(try ProofPlan.consistency(from: index + 1, to: size).nodes.count <= 2 * 41 + 1)
        }
    }

    @Test func combiningRejectsWrongStoredHashes() throws {
        let plan = try ProofPlan.inclusion(leafIndex: 0, treeSize: 8)
        let good = Array(repeating: MerkleHash.emptyRoot, count: 3)
        #expect(try plan.proofHashes(combining: good).count == 3)
        let missing = #expect(throws: MerkleError.self) { try plan.proofHashes(combining: Array(good.dropLast())) }
        #expect(missing?.code == .invalidNode)
        let short = #expect(throws: MerkleError.self) { try plan.proofHashes(combining: [good[0], good[1], [0]]) }
        #expect(short?.code == .invalidHashLength)
    }
}
