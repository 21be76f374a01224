import Logging
import Merkle
import PostgresNIO
import SignedNote
import SigstoreCrypto
import LogEngine
import LogStoragePostgres
import Testing

/// The sequencer over a real PostgreSQL server: restarts, and the scale-out property — several
/// replicas with pools of their own appending to one log concurrently never fork it.
@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.skipMessage))
struct SequencerOnPostgresTests {
    let signer: CheckpointSigner

    init() throws {
        signer = try CheckpointSigner.rekorV1(hostname: "rekor.test.example", treeID: 7, key: PrivateKey.generate(.ecdsaP256))
    }

    private func sequencer(_ storage: any LogStorage, _ configuration: SequencerConfiguration = SequencerConfiguration()) -> Sequencer {
        Sequencer(storage: storage, signer: signer, configuration: configuration, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    private func submit(_ count: Int, prefix: String, to sequencer: Sequencer) async throws -> [AppendResult] {
        try await withThrowingTaskGroup(of: AppendResult.self) { group in
            for number in 0..<count {
                group.addTask { try await sequencer.submit(EntrySubmission(body: Array("\(prefix) \(number)".utf8))) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    private func expectProvable(_ results: [AppendResult], in head: TreeHead, reader: LogReader) async throws {
        let note = try Note(parsing: head.checkpoint)
        try note.verify(with: [signer.verifier], policy: .everyLineByKnownKey)
        let root = try Checkpoint(note: note).rootHash
        #expect(root == head.rootHash)
        for result in results {
            let proof = try await reader.inclusionProof(leafIndex: result.entry.index, treeSize: head.size)
            try proof.verify(leafHash: result.entry.leafHash, rootHash: root)
        }
    }

    /// The first sequencer and its pool are abandoned without shutting down; a new one on a
    /// new pool continues the same tree.
    @Test func aRestartedSequencerContinuesTheSameTree() async throws {
        let name = TestDatabase.uniqueLogName()
        var firstResults: [AppendResult] = []
        var firstHead: TreeHead?
        do {
            let first = sequencer(try await RunningClient().open(name))
            firstResults = try await submit(100, prefix: "first", to: first)
            firstHead = await first.currentTreeHead
        }
        let lastHead = try #require(firstHead)
        #expect(lastHead.size == 100)

        let storage = try await RunningClient().open(name)
        let second = sequencer(storage)
        #expect(try await second.start() == lastHead)
        let secondResults = try await submit(100, prefix: "second", to: second)
        #expect(Set(secondResults.map(\.entry.index)) == Set(100..<200))

        let reader = LogReader(storage: storage)
        let final = try await reader.latestTreeHead()
        let proof = try await reader.consistencyProof(from: lastHead.size, to: final.size)
        try proof.verify(oldRoot: lastHead.rootHash, newRoot: final.rootHash)
        try await expectProvable(firstResults + secondResults, in: final, reader: reader)
        await second.shutdown()
    }

    /// Two replicas, each with its own connection pool, append to one log at once: the head
    /// row lock serialises their commits and the size check makes the stale one reload, so
    /// indices never collide and every acknowledged entry is provable in the final tree.
    @Test func twoReplicasOnOneDatabaseNeverFork() async throws {
        let name = TestDatabase.uniqueLogName()
        let contended = SequencerConfiguration(maximumCommitAttempts: 100)
        let perReplica = 300
        let first = sequencer(try await RunningClient().open(name), contended)
        try await first.start()
        let second = sequencer(try await RunningClient().open(name), contended)
        async let a = submit(perReplica, prefix: "a", to: first)
        async let b = submit(perReplica, prefix: "b", to: second)
        let results = try await a + b
        await first.shutdown()
        await second.shutdown()

        #expect(Set(results.map(\.entry.index)) == Set(0..<UInt64(2 * perReplica)))
        let heads = Set(results.map(\.treeHead))
        let reader = LogReader(storage: try await RunningClient().open(name))
        let final = try await reader.latestTreeHead()
        #expect(final.size == UInt64(2 * perReplica))
        try await expectProvable(results, in: final, reader: reader)
        for head in heads {
            let proof = try await reader.consistencyProof(from: head.size, to: final.size)
            try proof.verify(oldRoot: head.rootHash, newRoot: final.rootHash)
        }
    }

    @Test func duplicatesAreFoundInTheDatabaseAfterARestart() async throws {
        let name = TestDatabase.uniqueLogName()
        let original = try await sequencer(try await RunningClient().open(name)).submit(EntrySubmission(body: Array("once".utf8)))
        let again = try await sequencer(try await RunningClient().open(name)).submit(EntrySubmission(body: Array("once".utf8)))
        #expect(!original.isDuplicate)
        #expect(again.isDuplicate)
        #expect(again.entry == original.entry)
    }
}
