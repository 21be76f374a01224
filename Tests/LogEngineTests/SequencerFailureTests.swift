import Foundation
import Merkle
import LogEngine
import Testing

/// Storage failures, ambiguous commits, several writers and corrupted storage.
@Suite struct SequencerFailureTests {
    /// Submits `count` entries concurrently so that they form one batch.
    private func submitOneBatch(_ log: TestLog, prefix: String, count: Int) async -> [Result<AppendResult, any Error>] {
        await withTaskGroup(of: Result<AppendResult, any Error>.self) { group in
            for number in 0..<count {
                group.addTask {
                    do {
                        return .success(try await log.sequencer.submit(body("\(prefix) \(number)")))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
    }

    /// Every step submits exactly one full batch, so the long batch age never delays a commit
    /// and a slow machine cannot split a batch.
    private static let oneBatchOfFive = SequencerConfiguration(maximumBatchSize: 5, maximumBatchAge: .seconds(60))

    @Test func aFailedCommitAcknowledgesNothingAndLeavesTheTreeUnchanged() async throws {
        let faulty = FaultyStorage(wrapping: InMemoryLogStorage())
        let log = try TestLog(storage: faulty, configuration: Self.oneBatchOfFive)
        let before = try await submitOneBatch(log, prefix: "before", count: 5).map { try $0.get() }
        let beforeHead = try #require(before.first?.treeHead)

        faulty.inject(.beforeWrite)
        let failed = await submitOneBatch(log, prefix: "doomed", count: 5)
        for result in failed {
            let error = #expect(throws: LogEngineError.self) { try result.get() }
            #expect(error?.code == .storageFailure)
        }
        #expect(try await log.reader.latestTreeHead() == beforeHead)
        #expect(try await log.storage.entries(in: 0..<100).count == 5)

        // The log carries on from the same tree: the next batch takes indices 5…9.
        let after = try await submitOneBatch(log, prefix: "after", count: 5).map { try $0.get() }
        #expect(Set(after.map(\.entry.index)) == Set(5..<10))
        let afterHead = try #require(after.first?.treeHead)
        let proof = try await log.reader.consistencyProof(from: beforeHead.size, to: afterHead.size)
        try proof.verify(oldRoot: beforeHead.rootHash, newRoot: afterHead.rootHash)
        for result in after {
            try await log.expectProvable(result)
        }
    }

    /// The storage wrote the batch but reported a failure: nobody is acknowledged, the tree is
    /// reloaded, and resubmitting finds the entries as duplicates at their stored indices.
    @Test func anAmbiguousFailureNeverForksTheTree() async throws {
        let faulty = FaultyStorage(wrapping: InMemoryLogStorage())
        let log = try TestLog(storage: faulty, configuration: Self.oneBatchOfFive)
        let before = try await submitOneBatch(log, prefix: "before", count: 5).map { try $0.get() }
        let beforeHead = try #require(before.first?.treeHead)

        faulty.inject(.afterWrite)
        let failed = await submitOneBatch(log, prefix: "ambiguous", count: 5)
        #expect(failed.allSatisfy { (try? $0.get()) == nil })

        let retried = try await submitOneBatch(log, prefix: "ambiguous", count: 5).map { try $0.get() }
        #expect(retried.allSatisfy { $0.isDuplicate })
        #expect(Set(retried.map(\.entry.index)) == Set(5..<10))
        let fresh = try await submitOneBatch(log, prefix: "fresh", count: 5).map { try $0.get() }
        #expect(Set(fresh.map(\.entry.index)) == Set(10..<15))
        let freshHead = try #require(fresh.first?.treeHead)
        let proof = try await log.reader.consistencyProof(from: beforeHead.size, to: freshHead.size)
        try proof.verify(oldRoot: beforeHead.rootHash, newRoot: freshHead.rootHash)
        for result in retried + fresh {
            try await log.expectProvable(result)
        }
    }

    /// Two sequencers sharing one storage, as replicas sharing a database: the storage's head
    /// check makes the stale one reload and retry, so the tree never forks.
    @Test func twoWritersOnOneStorageNeverFork() async throws {
        let storage = InMemoryLogStorage()
        // Under contention a batch may lose the race a few times in a row.
        let contended = SequencerConfiguration(maximumCommitAttempts: 100)
        let first = try TestLog(storage: storage, configuration: contended)
        let second = try TestLog(storage: storage, signer: first.signer, configuration: contended)
        let results = try await withThrowingTaskGroup(of: [AppendResult].self) { group in
            for (name, log) in [("first", first), ("second", second)] {
                for task in 0..<4 {
                    group.addTask {
                        var mine: [AppendResult] = []
                        for number in 0..<25 {
                            mine.append(try await log.sequencer.submit(body("\(name) \(task) \(number)")))
                        }
                        return mine
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(Set(results.map(\.entry.index)) == Set(0..<200))
        let final = try await first.reader.latestTreeHead()
        #expect(final.size == 200)
        for result in results {
            try await first.expectProvable(result)
            let proof = try await first.reader.consistencyProof(from: result.treeHead.size, to: final.size)
            try proof.verify(oldRoot: result.treeHead.rootHash, newRoot: final.rootHash)
        }
    }

    @Test func corruptedStoredHashesStopTheSequencer() async throws {
        let storage = InMemoryLogStorage()
        let log = try TestLog(storage: storage)
        for number in 0..<6 {
            _ = try await log.sequencer.submit(body("entry \(number)"))
        }
        // Size 6 = 4 + 2: the compact range is nodes (2, 0) and (1, 2).
        await storage.corrupt(NodeID(level: 1, index: 2))
        let restarted = try TestLog(storage: storage, signer: log.signer)
        let error = await #expect(throws: LogEngineError.self) { try await restarted.sequencer.start() }
        #expect(error?.code == .inconsistentStorage)
        let refused = await #expect(throws: LogEngineError.self) { try await restarted.sequencer.submit(body("more")) }
        #expect(refused?.code == .inconsistentStorage)
        #expect(try await log.reader.latestTreeHead().size == 6)
    }
}
