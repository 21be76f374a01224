import Foundation
import Merkle
import SignedNote
import LogEngine
import Testing

@Suite struct LogReaderTests {
    /// One checkpoint per size 1…300 (sequential submissions commit one entry each); proofs
    /// between random pairs of them verify against the roots of the signed checkpoints.
    @Test func proofsBetweenRandomSizesVerifyAgainstSignedCheckpoints() async throws {
        let log = try TestLog()
        var checkpoints: [UInt64: Checkpoint] = [:]
        var leafHashes: [[UInt8]] = []
        for number in 0..<300 {
            let result = try await log.sequencer.submit(body("entry \(number)"))
            leafHashes.append(result.entry.leafHash)
            checkpoints[result.treeHead.size] = try log.verifiedCheckpoint(result.treeHead)
        }
        #expect(checkpoints.count == 300)

        var random = SeededGenerator(seed: 0x5167_6E65_7400)
        for _ in 0..<400 {
            let newSize = UInt64.random(in: 1...300, using: &random)
            let oldSize = UInt64.random(in: 1...newSize, using: &random)
            let old = try #require(checkpoints[oldSize])
            let new = try #require(checkpoints[newSize])
            let consistency = try await log.reader.consistencyProof(from: oldSize, to: newSize)
            try consistency.verify(oldRoot: old.rootHash, newRoot: new.rootHash)

            let leaf = UInt64.random(in: 0..<newSize, using: &random)
            let inclusion = try await log.reader.inclusionProof(leafIndex: leaf, treeSize: newSize)
            try inclusion.verify(leafHash: leafHashes[Int(leaf)], rootHash: new.rootHash)
            // A proof for another leaf must not verify.
            let other = (leaf + 1) % newSize
            if other != leaf {
                #expect(throws: MerkleError.self) { try inclusion.verify(leafHash: leafHashes[Int(other)], rootHash: new.rootHash) }
            }
        }
    }

    /// Batched commits leave most sizes without a checkpoint; roots of every size still come
    /// from stored hashes and match Merkle's in-memory reference tree.
    @Test func rootsOfEverySizeMatchTheReferenceTree() async throws {
        let log = try TestLog(configuration: SequencerConfiguration(maximumBatchSize: 37, maximumBatchAge: .milliseconds(5)))
        let results = try await withThrowingTaskGroup(of: AppendResult.self) { group in
            for number in 0..<200 {
                group.addTask { try await log.sequencer.submit(body("entry \(number)")) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let leafHashes = results.sorted { $0.entry.index < $1.entry.index }.map(\.entry.leafHash)
        var reference = InMemoryMerkleTree()
        #expect(try await log.reader.rootHash(treeSize: 0) == MerkleHash.emptyRoot)
        for (index, leafHash) in leafHashes.enumerated() {
            try reference.append(leafHash: leafHash)
            #expect(try await log.reader.rootHash(treeSize: UInt64(index + 1)) == reference.rootHash)
        }
    }

    @Test func requestsBeyondTheLogAreRefused() async throws {
        let log = try TestLog()
        let empty = await #expect(throws: LogEngineError.self) { try await log.reader.latestTreeHead() }
        #expect(empty?.code == .emptyLog)
        for number in 0..<5 {
            _ = try await log.sequencer.submit(body("entry \(number)"))
        }
        let cases: [(LogEngineError.Code, @Sendable () async throws -> Void)] = [
            (.treeSizeOutOfRange, { _ = try await log.reader.inclusionProof(leafIndex: 0, treeSize: 6) }),
            (.indexOutOfRange, { _ = try await log.reader.inclusionProof(leafIndex: 5, treeSize: 5) }),
            (.treeSizeOutOfRange, { _ = try await log.reader.consistencyProof(from: 4, to: 6) }),
            (.treeSizeOutOfRange, { _ = try await log.reader.consistencyProof(from: 5, to: 3) }),
            (.treeSizeOutOfRange, { _ = try await log.reader.rootHash(treeSize: 6) }),
            (.invalidRange, { _ = try await log.reader.entries(in: 0..<0) }),
            (.invalidRange, { _ = try await log.reader.entries(in: 0..<UInt64(LogEngineLimits.maximumEntriesPerRead + 1)) }),
            (.invalidRange, { _ = try await log.reader.entries(in: 0..<UInt64.max) }),
        ]
        for (code, request) in cases {
            let error = await #expect(throws: LogEngineError.self) { try await request() }
            #expect(error?.code == code)
        }
    }

    @Test func entriesAndCheckpointsAreReadBack() async throws {
        let log = try TestLog()
        var heads: [TreeHead] = []
        for number in 0..<4 {
            heads.append(try await log.sequencer.submit(body("entry \(number)")).treeHead)
        }
        #expect(try await log.reader.entries(in: 2..<10).map(\.body) == [Array("entry 2".utf8), Array("entry 3".utf8)])
        #expect(try await log.reader.entry(at: 1)?.body == Array("entry 1".utf8))
        #expect(try await log.reader.entry(withLeafHash: MerkleHash.leaf(Array("entry 3".utf8)))?.index == 3)
        #expect(try await log.reader.entry(withLeafHash: [1, 2, 3]) == nil)
        for head in heads {
            #expect(try await log.reader.treeHead(size: head.size) == head)
        }
    }

    @Test func tilesAreServedFromStoredHashes() async throws {
        let log = try TestLog(configuration: SequencerConfiguration(maximumBatchSize: 64))
        let results = try await withThrowingTaskGroup(of: AppendResult.self) { group in
            for number in 0..<300 {
                group.addTask { try await log.sequencer.submit(body("entry \(number)")) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let leafHashes = results.sorted { $0.entry.index < $1.entry.index }.map(\.entry.leafHash)
        let full = try await log.reader.tileData(for: Tile(level: 0, index: 0), treeSize: 300)
        #expect(full == Array(leafHashes[0..<256].joined()))
        let partial = try await log.reader.tileData(for: Tile(level: 0, index: 1, width: 44), treeSize: 300)
        #expect(partial == Array(leafHashes[256..<300].joined()))
        let error = await #expect(throws: LogEngineError.self) { try await log.reader.tileData(for: Tile(level: 0, index: 1), treeSize: 301) }
        #expect(error?.code == .treeSizeOutOfRange)
        let beyond = await #expect(throws: LogEngineError.self) { try await log.reader.tileData(for: Tile(level: 0, index: 2), treeSize: 300) }
        #expect(beyond?.code == .invalidRange)
    }
}
