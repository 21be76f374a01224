import Crypto
import Foundation
import Merkle

/// Figures for the transparency log's hot paths on a tree of one million leaves: building it,
/// answering and checking inclusion and consistency proofs, and hashing ~200-byte entries.
enum MerkleBenchmarks {
    static let leafCount = 1_000_000
    static let entryLength = 200

    static func run() throws {
        let entries = (0..<leafCount).map(entry)
        try leafHashing(entries)

        let leafHashes = entries.map { MerkleHash.leaf($0) }
        let tree = try build(leafHashes)
        try inclusionProofs(tree, leafHashes: leafHashes)
        try consistencyProofs(tree)
    }

    /// A deterministic entry of `entryLength` bytes, distinct per index.
    static func entry(_ index: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: UInt8(truncatingIfNeeded: index &* 31), count: entryLength)
        withUnsafeBytes(of: UInt64(index).bigEndian) { bytes.replaceSubrange(0..<8, with: $0) }
        return bytes
    }

    static func leafHashing(_ entries: [[UInt8]]) throws {
        let sample = entries.prefix(10_000)
        var sink: UInt8 = 0
        let raw = Measurement.run("SHA256.hash, \(entryLength)-byte messages", batch: sample.count) {
            for entry in sample { sink ^= SHA256.hash(data: entry).withUnsafeBytes { $0[0] } }
        }
        let leaf = Measurement.run("MerkleHash.leaf, \(entryLength)-byte entries", batch: sample.count) {
            for entry in sample { sink ^= MerkleHash.leaf(entry)[0] }
        }
        raw.report()
        leaf.report(against: raw)
        print("  leaf hashing: \(format(leaf.perSecond * Double(entryLength) / 1e6)) MB/s of entries"
            + " (raw SHA-256: \(format(raw.perSecond * Double(entryLength) / 1e6)) MB/s)  [sink \(sink)]")
    }

    static func build(_ leafHashes: [[UInt8]]) throws -> InMemoryMerkleTree {
        let clock = ContinuousClock()
        var tree = InMemoryMerkleTree()
        let treeTime = try clock.measure {
            for leafHash in leafHashes { try tree.append(leafHash: leafHash) }
        }
        Measurement(name: "build 1M-leaf tree (all subtree hashes)", operations: leafHashes.count, elapsed: treeTime).report()
        print("  build time: \(format(treeTime.seconds)) s")

        var range = CompactRange()
        var persisted = 0
        let rangeTime = try clock.measure {
            // The sequencer's path: batches of 1,000 leaves, every created node handed to storage.
            for start in stride(from: 0, to: leafHashes.count, by: 1000) {
                persisted += try range.append(leafHashes: leafHashes[start..<start + 1000]).count
            }
        }
        Measurement(name: "compact range append, batches of 1000", operations: leafHashes.count, elapsed: rangeTime).report()
        print("  compact range: \(persisted) nodes to persist, root matches tree: \(range.rootHash == tree.rootHash)")
        return tree
    }

    static func inclusionProofs(_ tree: InMemoryMerkleTree, leafHashes: [[UInt8]]) throws {
        var generator = SystemRandomNumberGenerator()
        let size = tree.size
        let indices = (0..<1000).map { _ in UInt64.random(in: 0..<size, using: &generator) }
        let plan = Measurement.run("inclusion proof plan (node IDs only)", batch: indices.count) {
            for index in indices { _ = try? ProofPlan.inclusion(leafIndex: index, treeSize: size) }
        }
        var proofs: [InclusionProof] = []
        let generate = try Measurement.run("inclusion proof generation, 1M tree", batch: indices.count) {
            proofs = try indices.map { try tree.inclusionProof(leafIndex: $0, treeSize: size) }
        }
        let root = tree.rootHash
        let verify = try Measurement.run("inclusion proof verification, 1M tree", batch: indices.count) {
            for proof in proofs { try proof.verify(leafHash: leafHashes[Int(proof.leafIndex)], rootHash: root) }
        }
        plan.report()
        generate.report()
        verify.report()
        print("  inclusion proof length: \(proofs[0].hashes.count) hashes")
    }

    static func consistencyProofs(_ tree: InMemoryMerkleTree) throws {
        var generator = SystemRandomNumberGenerator()
        let newSize = tree.size
        let oldSizes = (0..<1000).map { _ in UInt64.random(in: 1..<newSize, using: &generator) }
        let oldRoots = try oldSizes.map { try tree.rootHash(treeSize: $0) }
        let newRoot = tree.rootHash
        var proofs: [ConsistencyProof] = []
        let generate = try Measurement.run("consistency proof generation, 1M tree", batch: oldSizes.count) {
            proofs = try oldSizes.map { try tree.consistencyProof(from: $0, to: newSize) }
        }
        let verify = try Measurement.run("consistency proof verification, 1M tree", batch: oldSizes.count) {
            for (proof, oldRoot) in zip(proofs, oldRoots) { try proof.verify(oldRoot: oldRoot, newRoot: newRoot) }
        }
        let roots = try Measurement.run("root hash of a past size, 1M tree", batch: oldSizes.count) {
            for size in oldSizes { _ = try tree.rootHash(treeSize: size) }
        }
        generate.report()
        verify.report()
        roots.report()
    }
}
