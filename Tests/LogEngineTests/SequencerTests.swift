import Foundation
import Merkle
import SignedNote
import SigstoreCrypto
import LogEngine
import Testing

@Suite struct SequencerTests {
    @Test func aNewLogPublishesASignedEmptyTreeHead() async throws {
        let log = try TestLog()
        let head = try await log.sequencer.start()
        #expect(head.size == 0)
        #expect(head.rootHash == MerkleHash.emptyRoot)
        _ = try log.verifiedCheckpoint(head)
        #expect(try await log.storage.latestTreeHead() == head)
    }

    @Test func entriesGetConsecutiveIndicesAndAreProvable() async throws {
        let log = try TestLog()
        for number in 0..<20 {
            let result = try await log.sequencer.submit(body("entry \(number)"))
            #expect(result.entry.index == UInt64(number))
            #expect(!result.isDuplicate)
            #expect(result.entry.integratedTime == 1_767_225_600)
            #expect(result.treeHead.size > result.entry.index)
            try await log.expectProvable(result)
        }
        #expect(try await log.storage.entries(in: 0..<100).map(\.index) == Array(0..<20))
    }

    /// 50 tasks × 100 entries: every submitter gets a distinct index, and every entry is
    /// provable both in the head it was acknowledged with and in the final head.
    @Test func concurrentSubmittersGetDistinctProvableIndices() async throws {
        let log = try TestLog()
        let results = try await withThrowingTaskGroup(of: [AppendResult].self) { group in
            for task in 0..<50 {
                group.addTask {
                    var mine: [AppendResult] = []
                    for number in 0..<100 {
                        mine.append(try await log.sequencer.submit(body("task \(task) entry \(number)")))
                    }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(results.count == 5_000)
        #expect(Set(results.map(\.entry.index)) == Set(0..<5_000))
        #expect(results.allSatisfy { !$0.isDuplicate })

        let final = try await log.reader.latestTreeHead()
        #expect(final.size == 5_000)
        let finalRoot = try log.verifiedCheckpoint(final).rootHash
        for result in results {
            let proof = try await log.reader.inclusionProof(leafIndex: result.entry.index, treeSize: final.size)
            try proof.verify(leafHash: result.entry.leafHash, rootHash: finalRoot)
            try await log.expectProvable(result)
        }
        for head in Set(results.map(\.treeHead)) {
            _ = try log.verifiedCheckpoint(head)
            #expect(try await log.reader.rootHash(treeSize: head.size) == head.rootHash)
        }
    }

    @Test func aRepeatedEntryReturnsTheExistingIndex() async throws {
        let log = try TestLog()
        let first = try await log.sequencer.submit(body("once"))
        _ = try await log.sequencer.submit(body("other"))
        let again = try await log.sequencer.submit(body("once"))
        #expect(again.isDuplicate)
        #expect(again.entry == first.entry)
        #expect(again.treeHead.size == 2, "the duplicate is answered with the current head")
        try await log.expectProvable(again)
        #expect(try await log.reader.latestTreeHead().size == 2)
    }

    @Test func duplicatesWithinOneBatchShareOneIndex() async throws {
        // Duplicates do not fill a batch, so the batch age gathers the ten submissions.
        let storage = InMemoryLogStorage()
        let log = try TestLog(storage: storage, configuration: SequencerConfiguration(maximumBatchAge: .milliseconds(500)))
        try await log.sequencer.start()
        let results = try await withThrowingTaskGroup(of: AppendResult.self) { group in
            for _ in 0..<10 {
                group.addTask { try await log.sequencer.submit(body("same")) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(results.map(\.entry)).count == 1)
        #expect(results.filter { !$0.isDuplicate }.count == 1)
        #expect(try await log.reader.latestTreeHead().size == 1)
        #expect(await storage.appendCount == 2, "the empty tree head, then one batch")
    }

    @Test func batchesHoldAtMostTheConfiguredNumberOfEntries() async throws {
        let log = try TestLog(configuration: SequencerConfiguration(maximumBatchSize: 8, maximumBatchAge: .milliseconds(500)))
        try await log.sequencer.start()
        let results = try await withThrowingTaskGroup(of: AppendResult.self) { group in
            for number in 0..<20 {
                group.addTask { try await log.sequencer.submit(body("entry \(number)")) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        // Full batches commit at once; the last four wait for the batch age.
        #expect(Set(results.map(\.treeHead.size)) == [8, 16, 20])
    }

    @Test(arguments: [0, 65_536])
    func emptyAndOversizedEntriesAreRefused(size: Int) async throws {
        let log = try TestLog()
        let error = await #expect(throws: LogEngineError.self) {
            try await log.sequencer.submit(EntrySubmission(body: [UInt8](repeating: 0x41, count: size)))
        }
        #expect(error?.code == .invalidEntry)
    }

    @Test func searchKeysOfSubmittedEntriesAreIndexed() async throws {
        let log = try TestLog()
        let identity = try SearchKey(.identity, "jane@example.com")
        let digest = try SearchKey(.artifactSHA256, String(repeating: "0f", count: 32))
        _ = try await log.sequencer.submit(EntrySubmission(body: Array("a".utf8), searchKeys: [identity, digest, identity]))
        _ = try await log.sequencer.submit(EntrySubmission(body: Array("b".utf8), searchKeys: [identity]))
        #expect(try await log.reader.indices(matching: identity) == [0, 1])
        #expect(try await log.reader.indices(matching: digest) == [0])
    }

    @Test func shutdownCommitsPendingEntriesThenRefusesNewOnes() async throws {
        let log = try TestLog(configuration: SequencerConfiguration(maximumBatchAge: .seconds(30)))
        try await log.sequencer.start()
        let pending = Task { try await log.sequencer.submit(body("pending")) }
        while await log.sequencer.queuedEntryCount == 0 {
            await Task.yield()
        }
        await log.sequencer.shutdown()
        let committed = try await pending.value
        #expect(committed.entry.index == 0)
        let error = await #expect(throws: LogEngineError.self) { try await log.sequencer.submit(body("late")) }
        #expect(error?.code == .stopped)
    }

    @Test func aFullQueuePushesBack() async throws {
        let log = try TestLog(configuration: SequencerConfiguration(maximumBatchAge: .seconds(60), maximumQueuedEntries: 2))
        try await log.sequencer.start()
        let queued = (0..<2).map { number in Task { try await log.sequencer.submit(body("queued \(number)")) } }
        while await log.sequencer.queuedEntryCount < 2 {
            await Task.yield()
        }
        let error = await #expect(throws: LogEngineError.self) { try await log.sequencer.submit(body("one too many")) }
        #expect(error?.code == .overloaded)
        await log.sequencer.shutdown()
        for task in queued {
            #expect(try await task.value.treeHead.size == 2)
        }
    }

    @Test func aStoreHoldingAnotherLogIsRefused() async throws {
        let storage = InMemoryLogStorage()
        let first = try TestLog(storage: storage)
        _ = try await first.sequencer.submit(body("a"))
        let other = try CheckpointSigner.rekorV2(hostname: "other.example", key: PrivateKey.generate(.ed25519))
        let second = try TestLog(storage: storage, signer: other)
        let error = await #expect(throws: LogEngineError.self) { try await second.sequencer.start() }
        #expect(error?.code == .invalidSigner)
    }
}
