import Merkle
import LogEngine
import PostgresNIO
import Testing
import LogStoragePostgres

/// The storage contract against a real PostgreSQL server, mirroring the SQLite storage's tests.
@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.skipMessage))
struct PostgresLogStorageTests {
    @Test func aNewLogHasNoTreeHead() async throws {
        let storage = try await TestDatabase.newStorage()
        #expect(try await storage.latestTreeHead() == nil)
        #expect(try await storage.treeHead(size: 0) == nil)
        #expect(try await storage.entries(in: 0..<10).isEmpty)
    }

    @Test func connectionsCommitSynchronouslyAndTheSchemaIsCurrent() async throws {
        let storage = try await TestDatabase.newStorage()
        var settings: [String] = []
        for try await setting in try await storage.client.query("SELECT current_setting('synchronous_commit')").decode(String.self) {
            settings.append(setting)
        }
        #expect(settings == ["on"])
        var versions: [Int32] = []
        for try await version in try await storage.client.query("SELECT max(version) FROM signet_tlog_schema").decode(Int32.self) {
            versions.append(version)
        }
        #expect(versions == [1])
    }

    /// Appends the RFC 6962 reference tree in uneven batches; the stored hashes must reproduce
    /// transparency-dev's published roots and proofs exactly.
    @Test func storedHashesReproduceTheReferenceTree() async throws {
        let reference = try ReferenceTree.load()
        let storage = try await TestDatabase.newStorage()
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
        let storage = try await TestDatabase.newStorage()
        var builder = BatchBuilder()
        let bodies = (0..<5).map { Array("entry \($0)".utf8) }
        try await storage.append(try builder.batch(bodies: bodies))

        let read = try await storage.entries(in: 3..<100)
        #expect(read.map(\.index) == [3, 4])
        #expect(read.map(\.body) == Array(bodies[3...]))
        let time = builder.integratedTime
        #expect(read.allSatisfy { $0.integratedTime == time && $0.leafHash == MerkleHash.leaf($0.body) })
        #expect(try await storage.entry(at: 5) == nil)
        #expect(try await storage.entries(in: UInt64.max - 1..<UInt64.max).isEmpty)
    }

    /// A sequencer-sized batch goes in as one unnest insert per table and reads back whole.
    @Test func entriesAreFoundByLeafHash() async throws {
        let storage = try await TestDatabase.newStorage()
        var builder = BatchBuilder()
        let bodies = (0..<600).map { Array("entry \($0)".utf8) }
        try await storage.append(try builder.batch(bodies: bodies))

        // A batch-sized lookup with an unknown hash mixed in.
        let wanted = bodies.map { MerkleHash.leaf($0) } + [MerkleHash.leaf(Array("absent".utf8))]
        let found = try await storage.entries(withLeafHashes: wanted)
        #expect(Set(found.map(\.index)) == Set(0..<600))
        #expect(try await storage.entry(withLeafHash: MerkleHash.leaf(bodies[42]))?.index == 42)
        #expect(try await storage.entry(withLeafHash: MerkleHash.leaf(Array("absent".utf8))) == nil)
        #expect(try await storage.entries(in: 0..<600).map(\.body) == bodies)
    }

    @Test func searchKeysReturnAscendingIndicesUpToTheLimit() async throws {
        let storage = try await TestDatabase.newStorage()
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
        let storage = try await TestDatabase.newStorage()
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
        let storage = try await TestDatabase.newStorage()
        var builder = BatchBuilder()
        try await storage.append(try builder.batch(bodies: [Array("a".utf8)]))
        // Bypasses the sequencer's dedupe: the third entry repeats the first one's body.
        let batch = try builder.batch(bodies: [Array("b".utf8), Array("c".utf8), Array("a".utf8)])
        let error = await #expect(throws: LogEngineError.self) { try await storage.append(batch) }
        #expect(error?.code == .storageFailure)
        #expect(error?.message.contains("23505") == true, "the SQLSTATE of a unique violation: \(error?.message ?? "")")
        #expect(try await storage.latestTreeHead()?.size == 1)
        #expect(try await storage.entries(in: 0..<10).count == 1)
        #expect(try await storage.entry(withLeafHash: MerkleHash.leaf(Array("b".utf8))) == nil)
        let missing = await #expect(throws: LogEngineError.self) { try await storage.hashes(of: [NodeID(level: 1, index: 0)]) }
        #expect(missing?.code == .inconsistentStorage)
    }

    @Test func aBatchBreakingItsInvariantsIsRefused() async throws {
        let storage = try await TestDatabase.newStorage()
        var builder = BatchBuilder()
        var batch = try builder.batch(bodies: [Array("a".utf8), Array("b".utf8)])
        batch.entries[1].index = 7
        let error = await #expect(throws: LogEngineError.self) { try await storage.append(batch) }
        #expect(error?.code == .invalidBatch)
        #expect(try await storage.latestTreeHead() == nil)
    }

    @Test func anEmptyBatchReSignsTheCurrentSizeOnly() async throws {
        let storage = try await TestDatabase.newStorage()
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

    @Test func theFirstEmptyHeadOfALogIsRecorded() async throws {
        let storage = try await TestDatabase.newStorage()
        var builder = BatchBuilder()
        let empty = try builder.batch(bodies: [])
        try await storage.append(empty)
        #expect(try await storage.latestTreeHead() == empty.treeHead)
        #expect(try await storage.treeHead(size: 0) == empty.treeHead)
    }

    @Test func treeHeadsAreKeptForEveryCommittedSize() async throws {
        let storage = try await TestDatabase.newStorage()
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

    /// A second pool opening the same log by name (another process, or this one restarted)
    /// continues the same tree; reopening also re-runs the migration harmlessly.
    @Test func aReopenedLogContinuesTheSameTree() async throws {
        let name = TestDatabase.uniqueLogName()
        var builder = BatchBuilder()
        do {
            let storage = try await RunningClient().open(name)
            try await storage.append(try builder.batch(bodies: (0..<13).map { Array("entry \($0)".utf8) }))
        }
        let reopened = try await RunningClient().open(name)
        let head = try #require(try await reopened.latestTreeHead())
        let range = try await reopened.compactRange(treeSize: head.size)
        #expect(range == builder.range)
        #expect(range.rootHash == head.rootHash)
    }

    /// Logs in one database share tables but never each other's rows.
    @Test func logsInOneDatabaseAreIndependent() async throws {
        let first = try await TestDatabase.newStorage()
        let second = try await TestDatabase.newStorage()
        var one = BatchBuilder()
        var other = BatchBuilder()
        let key = try SearchKey(.identity, "shared@example.com")
        try await first.append(try one.batch(bodies: [Array("same".utf8), Array("first".utf8)], keys: [[key], [key]]))
        // The same body at index 0 of another log is no duplicate there.
        try await second.append(try other.batch(bodies: [Array("same".utf8)], keys: [[key]]))

        #expect(try await first.latestTreeHead()?.size == 2)
        #expect(try await second.latestTreeHead()?.size == 1)
        #expect(try await second.entries(in: 0..<10).map(\.body) == [Array("same".utf8)])
        #expect(try await first.indices(matching: key, limit: 10) == [0, 1])
        #expect(try await second.indices(matching: key, limit: 10) == [0])
        #expect(try await second.entries(withLeafHashes: [MerkleHash.leaf(Array("first".utf8))]).isEmpty)
        #expect(try await first.rootHash(treeSize: 2) == one.range.rootHash)
    }

    @Test func missingNodesAreReportedAsInconsistentStorage() async throws {
        let storage = try await TestDatabase.newStorage()
        var builder = BatchBuilder()
        try await storage.append(try builder.batch(bodies: (0..<4).map { Array("entry \($0)".utf8) }))
        #expect(try await storage.hashes(of: [NodeID(level: 2, index: 0), .leaf(3)]).count == 2)
        let error = await #expect(throws: LogEngineError.self) { try await storage.hashes(of: [.leaf(2), .leaf(3), .leaf(4)]) }
        #expect(error?.code == .inconsistentStorage)
        let huge = await #expect(throws: LogEngineError.self) { try await storage.hashes(of: [.leaf(UInt64.max)]) }
        #expect(huge?.code == .inconsistentStorage)
    }

    /// Nodes come back in the order asked, leaves and interior nodes mixed, repeats included.
    @Test func nodeHashesComeBackInTheOrderAsked() async throws {
        let storage = try await TestDatabase.newStorage()
        var builder = BatchBuilder()
        let bodies = (0..<8).map { Array("entry \($0)".utf8) }
        try await storage.append(try builder.batch(bodies: bodies))
        let asked = [NodeID(level: 3, index: 0), .leaf(5), NodeID(level: 1, index: 2), .leaf(0), .leaf(5)]
        let hashes = try await storage.hashes(of: asked)
        let l = bodies.map { MerkleHash.leaf($0) }
        let n45 = MerkleHash.node(l[4], l[5])
        #expect(hashes[1] == l[5] && hashes[3] == l[0] && hashes[4] == l[5])
        #expect(hashes[2] == n45)
        #expect(hashes[0] == builder.range.rootHash)
    }
}
