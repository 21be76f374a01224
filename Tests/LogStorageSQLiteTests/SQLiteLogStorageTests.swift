import Foundation
import GRDB
import Merkle
import LogEngine
import Testing

@testable import LogStorageSQLite

@Suite struct SQLiteLogStorageTests {
    let directory: TemporaryDirectory
    let storage: SQLiteLogStorage

    init() throws {
        directory = try TemporaryDirectory()
        storage = try SQLiteLogStorage(path: directory.databasePath)
    }

    @Test func aNewDatabaseHasNoTreeHead() async throws {
        #expect(try await storage.latestTreeHead() == nil)
        #expect(try await storage.entries(in: 0..<10).isEmpty)
    }

    @Test func everyConnectionIsDurableAndInWALMode() async throws {
        let (journal, synchronous) = try await storage.pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(journal == "wal")
        #expect(synchronous == 2, "2 is FULL: the WAL is synced at every commit")
        let (writerSynchronous, checkpointPages) = try await storage.pool.write { db in
            (try Int.fetchOne(db, sql: "PRAGMA synchronous"), try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint"))
        }
        #expect(writerSynchronous == 2)
        #expect(checkpointPages == SQLiteLogStorage.walCheckpointPages)
    }

    /// Appends the RFC 6962 reference tree in uneven batches; the stored hashes must reproduce
    /// transparency-dev's published roots and proofs exactly.
    @Test func storedHashesReproduceTheReferenceTree() async throws {
        let reference = try ReferenceTree.load()
        let leaves = reference.leaves.map { [UInt8](hex: $0) }
        var builder = BatchBuilder()
        var offset = 0
        for count in [1, 2, 3, 2] {
            let batch = try builder.batch(bodies: Array(leaves[offset..<(offset + count)]))
            try await storage.append(batch)
            offset += count
            #expect(try await storage.latestTreeHead() == batch.treeHead)
        }
        for (index, root) in reference.roots.enumerated() {
            #expect(try await storage.rootHash(treeSize: UInt64(index + 1)) == [UInt8](hex: root))
        }
        for expected in reference.inclusionProofs {
            let proof = try await storage.inclusionProof(leafIndex: expected.leafIndex, treeSize: expected.treeSize)
            #expect(proof.hashes == expected.proof.map { [UInt8](hex: $0) }, "leaf \(expected.leafIndex) of \(expected.treeSize)")
        }
        for expected in reference.consistencyProofs {
            let proof = try await storage.consistencyProof(from: expected.size1, to: expected.size2)
            #expect(proof.hashes == expected.proof.map { [UInt8](hex: $0) }, "\(expected.size1) → \(expected.size2)")
        }
    }

    @Test func entriesReadBackInOrderAndStopAtTheTreeEnd() async throws {
        var builder = BatchBuilder()
        let bodies = (0..<5).map { Array("entry \($0)".utf8) }
        try await storage.append(try builder.batch(bodies: bodies))

        let read = try await storage.entries(in: 3..<100)
        #expect(read.map(\.index) == [3, 4])
        #expect(read.map(\.body) == Array(bodies[3...]))
        #expect(read.allSatisfy { $0.integratedTime == builder.integratedTime && $0.leafHash == MerkleHash.leaf($0.body) })
        #expect(try await storage.entry(at: 5) == nil)
    }

    @Test func entriesAreFoundByLeafHash() async throws {
        var builder = BatchBuilder()
        let bodies = (0..<600).map { Array("entry \($0)".utf8) }
        try await storage.append(try builder.batch(bodies: bodies))

        // A batch-sized lookup with an unknown hash mixed in.
        let wanted = bodies.map { MerkleHash.leaf($0) } + [MerkleHash.leaf(Array("absent".utf8))]
        let found = try await storage.entries(withLeafHashes: wanted)
        #expect(Set(found.map(\.index)) == Set(0..<600))
        #expect(try await storage.entry(withLeafHash: MerkleHash.leaf(bodies[42]))?.index == 42)
        #expect(try await storage.entry(withLeafHash: MerkleHash.leaf(Array("absent".utf8))) == nil)
    }

    @Test func searchKeysReturnAscendingIndicesUpToTheLimit() async throws {
        var builder = BatchBuilder()
        let artifact = try SearchKey(.artifactSHA256, String(repeating: "ab", count: 32))
        let identity = try SearchKey(.identity, "jane@example.com")
        let keys = (0..<6).map { index in index.isMultiple(of: 2) ? [artifact, identity] : [identity] }
        try await storage.append(try builder.batch(bodies: (0..<6).map { Array("entry \($0)".utf8) }, keys: keys))

        #expect(try await storage.indices(matching: artifact, limit: 10) == [0, 2, 4])
        #expect(try await storage.indices(matching: identity, limit: 4) == [0, 1, 2, 3])
        // Same value, other kind: no match.
        #expect(try await storage.indices(matching: SearchKey(.publicKeyFingerprint, artifact.value), limit: 10).isEmpty)
    }

    @Test func aBatchBuiltOnAStaleHeadIsRefused() async throws {
        var first = BatchBuilder()
        var second = BatchBuilder()
        try await storage.append(try first.batch(bodies: [Array("a".utf8)]))
        // A second writer that never saw the first batch.
        let stale = try second.batch(bodies: [Array("b".utf8)])
        let error = await #expect(throws: LogEngineError.self) { try await storage.append(stale) }
        #expect(error?.code == .staleTreeHead)
        #expect(try await storage.latestTreeHead()?.size == 1)
        #expect(try await storage.entries(in: 0..<10).map(\.body) == [Array("a".utf8)])
    }

    /// A constraint failure halfway through a batch must roll the whole batch back.
    @Test func aFailingBatchWritesNothing() async throws {
        var builder = BatchBuilder()
        try await storage.append(try builder.batch(bodies: [Array("a".utf8)]))
        // Bypasses the sequencer's dedupe: the third entry repeats the first one's body.
        let batch = try builder.batch(bodies: [Array("b".utf8), Array("c".utf8), Array("a".utf8)])
        let error = await #expect(throws: LogEngineError.self) { try await storage.append(batch) }
        #expect(error?.code == .storageFailure)
        #expect(try await storage.latestTreeHead()?.size == 1)
        #expect(try await storage.entries(in: 0..<10).count == 1)
        #expect(try await storage.entry(withLeafHash: MerkleHash.leaf(Array("b".utf8))) == nil)
        let missing = await #expect(throws: LogEngineError.self) { try await storage.hashes(of: [NodeID(level: 1, index: 0)]) }
        #expect(missing?.code == .inconsistentStorage)
    }

    @Test func aBatchBreakingItsInvariantsIsRefused() async throws {
        var builder = BatchBuilder()
        var batch = try builder.batch(bodies: [Array("a".utf8), Array("b".utf8)])
        batch.entries[1].index = 7
        let error = await #expect(throws: LogEngineError.self) { try await storage.append(batch) }
        #expect(error?.code == .invalidBatch)
        #expect(try await storage.latestTreeHead() == nil)
    }

    @Test func anEmptyBatchReSignsTheCurrentSizeOnly() async throws {
        var builder = BatchBuilder()
        try await storage.append(try builder.batch(bodies: [Array("a".utf8)]))
        var resigned = try builder.batch(bodies: [])
        resigned.treeHead.checkpoint = "re-signed\n"
        try await storage.append(resigned)
        #expect(try await storage.latestTreeHead()?.checkpoint == "re-signed\n")
        #expect(try await storage.treeHead(size: 1)?.checkpoint == "re-signed\n")

        var forged = resigned
        forged.treeHead.rootHash = [UInt8](repeating: 7, count: 32)
        let error = await #expect(throws: LogEngineError.self) { try await storage.append(forged) }
        #expect(error?.code == .invalidBatch)
    }

    @Test func treeHeadsAreKeptForEveryCommittedSize() async throws {
        var builder = BatchBuilder()
        var heads: [TreeHead] = []
        for count in [3, 1, 4] {
            let batch = try builder.batch(bodies: (0..<count).map { Array("\(builder.range.size)-\($0)".utf8) })
            try await storage.append(batch)
            heads.append(batch.treeHead)
        }
        for head in heads {
            #expect(try await storage.treeHead(size: head.size) == head)
        }
        #expect(try await storage.treeHead(size: 2) == nil)
    }

    @Test func aReopenedDatabaseContinuesTheSameTree() async throws {
        var builder = BatchBuilder()
        try await storage.append(try builder.batch(bodies: (0..<13).map { Array("entry \($0)".utf8) }))

        let reopened = try SQLiteLogStorage(path: directory.databasePath)
        let head = try #require(try await reopened.latestTreeHead())
        let range = try await reopened.compactRange(treeSize: head.size)
        #expect(range == builder.range)
        #expect(range.rootHash == head.rootHash)
    }

    @Test func missingNodesAreReportedAsInconsistentStorage() async throws {
        var builder = BatchBuilder()
        try await storage.append(try builder.batch(bodies: (0..<4).map { Array("entry \($0)".utf8) }))
        #expect(try await storage.hashes(of: [NodeID(level: 2, index: 0), .leaf(3)]).count == 2)
        let error = await #expect(throws: LogEngineError.self) { try await storage.hashes(of: [.leaf(2), .leaf(3), .leaf(4)]) }
        #expect(error?.code == .inconsistentStorage)
    }

    @Test(arguments: [
        ([NodeID.leaf(0), .leaf(1), .leaf(2), NodeID(level: 1, index: 3), .leaf(9)], 3),
        ([NodeID(level: 2, index: 1), NodeID(level: 2, index: 0)], 2),
        ([NodeID](), 0),
    ])
    func nodesAreReadInRunsOfConsecutiveIndices(nodes: [NodeID], runs: Int) {
        let found = SQLiteLogStorage.runs(of: nodes)
        #expect(found.count == runs)
        #expect(found.flatMap { run in run.indices.map { NodeID(level: run.level, index: $0) } } == nodes)
    }
}
