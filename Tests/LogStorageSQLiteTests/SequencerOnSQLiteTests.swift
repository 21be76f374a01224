import Foundation
import Logging
import Merkle
import SignedNote
import SigstoreCrypto
import LogEngine
import LogStorageSQLite
import SigstoreTestSupport
import Testing

/// The sequencer over a real SQLite file: restarts, several writers on one file, concurrency.
@Suite struct SequencerOnSQLiteTests {
    let directory: TemporaryDirectory
    let signer: CheckpointSigner

    init() throws {
        directory = try TemporaryDirectory()
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
        for result in results {
            let proof = try await reader.inclusionProof(leafIndex: result.entry.index, treeSize: head.size)
            try proof.verify(leafHash: result.entry.leafHash, rootHash: root)
        }
    }

    /// The first sequencer is abandoned without shutting down, as after `kill -9`; a new one
    /// on a reopened file continues the same tree.
    @Test func aRestartedSequencerContinuesTheSameTree() async throws {
        var firstResults: [AppendResult] = []
        var firstHead: TreeHead?
        do {
            let storage = try SQLiteLogStorage(path: directory.databasePath)
            let first = sequencer(storage)
            firstResults = try await submit(100, prefix: "first", to: first)
            firstHead = await first.currentTreeHead
        }
        let lastHead = try #require(firstHead)
        #expect(lastHead.size == 100)

        let storage = try SQLiteLogStorage(path: directory.databasePath)
        let second = sequencer(storage)
        #expect(try await second.start() == lastHead)
        let secondResults = try await submit(100, prefix: "second", to: second)
        #expect(Set(secondResults.map(\.entry.index)) == Set(100..<200))

        let reader = LogReader(storage: storage)
        let final = try await reader.latestTreeHead()
        let proof = try await reader.consistencyProof(from: lastHead.size, to: final.size)
        try proof.verify(oldRoot: lastHead.rootHash, newRoot: final.rootHash)
        try await expectProvable(firstResults + secondResults, in: final, reader: reader)
    }

    /// Two storages on one file stand in for two processes: SQLite serialises their commits and
    /// the tree head check makes the stale writer reload, so indices never collide.
    @Test func twoProcessesOnOneFileNeverFork() async throws {
        let contended = SequencerConfiguration(maximumCommitAttempts: 100)
        let first = sequencer(try SQLiteLogStorage(path: directory.databasePath), contended)
        try await first.start()
        let second = sequencer(try SQLiteLogStorage(path: directory.databasePath), contended)
        async let a = submit(150, prefix: "a", to: first)
        async let b = submit(150, prefix: "b", to: second)
        let results = try await a + b
        #expect(Set(results.map(\.entry.index)) == Set(0..<300))

        let reader = LogReader(storage: try SQLiteLogStorage(path: directory.databasePath))
        let final = try await reader.latestTreeHead()
        #expect(final.size == 300)
        try await expectProvable(results, in: final, reader: reader)
        for head in Set(results.map(\.treeHead)) {
            let proof = try await reader.consistencyProof(from: head.size, to: final.size)
            try proof.verify(oldRoot: head.rootHash, newRoot: final.rootHash)
        }
    }

    @Test func duplicatesAreFoundInTheDatabaseAfterARestart() async throws {
        let original: AppendResult
        do {
            original = try await sequencer(try SQLiteLogStorage(path: directory.databasePath)).submit(EntrySubmission(body: Array("once".utf8)))
        }
        let again = try await sequencer(try SQLiteLogStorage(path: directory.databasePath)).submit(EntrySubmission(body: Array("once".utf8)))
        #expect(again.isDuplicate)
        #expect(again.entry == original.entry)
    }
}
