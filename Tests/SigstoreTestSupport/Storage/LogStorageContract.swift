public import LogEngine
import Merkle
public import Testing

/// What every ``LogStorage`` must do, written once and run against each implementation
/// (SQLite file, PostgreSQL server): each storage's test target runs every ``Check`` on
/// storages it opens fresh.
public enum LogStorageContract {
    /// Opens a storage for one log: every call opens the same log again, as a restarted
    /// process or another replica would.
    public typealias Opener = @Sendable () async throws -> any LogStorage

    public enum Check: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case aNewLogHasNoTreeHead
        case storedHashesReproduceTheReferenceTree
        case entriesReadBackInOrderAndStopAtTheTreeEnd
        case entriesAreFoundByLeafHash
        case searchKeysReturnAscendingIndicesUpToTheLimit
        case aBatchBuiltOnAStaleHeadIsRefused
        case aFailingBatchWritesNothing
        case aBatchBreakingItsInvariantsIsRefused
        case anEmptyBatchReSignsTheCurrentSizeOnly
        case theFirstEmptyHeadOfALogIsRecorded
        case treeHeadsAreKeptForEveryCommittedSize
        case aReopenedLogContinuesTheSameTree
        case missingNodesAreReportedAsInconsistentStorage
        case nodeHashesComeBackInTheOrderAsked

        public var testDescription: String { rawValue }

        /// Runs the check on a log no other check uses; `open` reopens that same log.
        public func run(opening open: Opener) async throws {
            let storage = try await open()
            switch self {
            case .aNewLogHasNoTreeHead: try await LogStorageContract.aNewLogHasNoTreeHead(storage)
            case .storedHashesReproduceTheReferenceTree: try await LogStorageContract.storedHashesReproduceTheReferenceTree(storage)
            case .entriesReadBackInOrderAndStopAtTheTreeEnd: try await LogStorageContract.entriesReadBackInOrder(storage)
            case .entriesAreFoundByLeafHash: try await LogStorageContract.entriesAreFoundByLeafHash(storage)
            case .searchKeysReturnAscendingIndicesUpToTheLimit: try await LogStorageContract.searchKeys(storage)
            case .aBatchBuiltOnAStaleHeadIsRefused: try await LogStorageContract.staleHeadIsRefused(storage)
            case .aFailingBatchWritesNothing: try await LogStorageContract.aFailingBatchWritesNothing(storage)
            case .aBatchBreakingItsInvariantsIsRefused: try await LogStorageContract.brokenInvariantsAreRefused(storage)
            case .anEmptyBatchReSignsTheCurrentSizeOnly: try await LogStorageContract.emptyBatchReSigns(storage)
            case .theFirstEmptyHeadOfALogIsRecorded: try await LogStorageContract.firstEmptyHeadIsRecorded(storage)
            case .treeHeadsAreKeptForEveryCommittedSize: try await LogStorageContract.treeHeadsAreKept(storage)
            case .aReopenedLogContinuesTheSameTree: try await LogStorageContract.reopenedLogContinues(storage, open: open)
            case .missingNodesAreReportedAsInconsistentStorage: try await LogStorageContract.missingNodes(storage)
            case .nodeHashesComeBackInTheOrderAsked: try await LogStorageContract.nodeHashOrder(storage)
            }
        }
    }
}

extension LogStorageContract {
    static func aNewLogHasNoTreeHead(_ storage: any LogStorage) async throws {
        #expect(try await storage.latestTreeHead() == nil)
        #expect(try await storage.treeHead(size: 0) == nil)
        #expect(try await storage.entries(in: 0..<10).isEmpty)
    }

    /// Appends the RFC 6962 reference tree in uneven batches; the stored hashes must reproduce
    /// transparency-dev's published roots and proofs exactly.
    static func storedHashesReproduceTheReferenceTree(_ storage: any LogStorage) async throws {
        let reference = try ReferenceTree.load()
        let leaves = reference.leafData
        var builder = BatchBuilder()
        var offset = 0
        for count in [1, 2, 3, 2] {
            let batch = try builder.batch(bodies: Array(leaves[offset..<(offset + count)]))
            try await storage.append(batch)
            offset += count
            #expect(try await storage.latestTreeHead() == batch.treeHead)
        }
        for (index, root) in reference.rootHashes.enumerated() {
            #expect(try await storage.rootHash(treeSize: UInt64(index + 1)) == root)
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

    static func entriesReadBackInOrder(_ storage: any LogStorage) async throws {
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

    /// A sequencer-sized batch goes in whole and is found again by leaf hash.
    static func entriesAreFoundByLeafHash(_ storage: any LogStorage) async throws {
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

    static func searchKeys(_ storage: any LogStorage) async throws {
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

    static func staleHeadIsRefused(_ storage: any LogStorage) async throws {
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
    static func aFailingBatchWritesNothing(_ storage: any LogStorage) async throws {
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

    static func brokenInvariantsAreRefused(_ storage: any LogStorage) async throws {
        var builder = BatchBuilder()
        var batch = try builder.batch(bodies: [Array("a".utf8), Array("b".utf8)])
        batch.entries[1].index = 7
        let error = await #expect(throws: LogEngineError.self) { try await storage.append(batch) }
        #expect(error?.code == .invalidBatch)
        #expect(try await storage.latestTreeHead() == nil)
    }

    static func emptyBatchReSigns(_ storage: any LogStorage) async throws {
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

    static func firstEmptyHeadIsRecorded(_ storage: any LogStorage) async throws {
        var builder = BatchBuilder()
        let empty = try builder.batch(bodies: [])
        try await storage.append(empty)
        #expect(try await storage.latestTreeHead() == empty.treeHead)
        #expect(try await storage.treeHead(size: 0) == empty.treeHead)
    }

    static func treeHeadsAreKept(_ storage: any LogStorage) async throws {
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

    /// Opening the same log again (another process, or this one restarted) continues the same tree.
    static func reopenedLogContinues(_ storage: any LogStorage, open: Opener) async throws {
        var builder = BatchBuilder()
        try await storage.append(try builder.batch(bodies: (0..<13).map { Array("entry \($0)".utf8) }))

        let reopened = try await open()
        let head = try #require(try await reopened.latestTreeHead())
        let range = try await reopened.compactRange(treeSize: head.size)
        #expect(range == builder.range)
        #expect(range.rootHash == head.rootHash)
        try await reopened.append(try builder.batch(bodies: [Array("after reopening".utf8)]))
        #expect(try await storage.latestTreeHead()?.size == 14, "the first handle sees the other's commit")
    }

    static func missingNodes(_ storage: any LogStorage) async throws {
        var builder = BatchBuilder()
        try await storage.append(try builder.batch(bodies: (0..<4).map { Array("entry \($0)".utf8) }))
        #expect(try await storage.hashes(of: [NodeID(level: 2, index: 0), .leaf(3)]).count == 2)
        let error = await #expect(throws: LogEngineError.self) { try await storage.hashes(of: [.leaf(2), .leaf(3), .leaf(4)]) }
        #expect(error?.code == .inconsistentStorage)
        let huge = await #expect(throws: LogEngineError.self) { try await storage.hashes(of: [.leaf(UInt64.max)]) }
        #expect(huge?.code == .inconsistentStorage)
    }

    /// Nodes come back in the order asked, leaves and interior nodes mixed, repeats included.
    static func nodeHashOrder(_ storage: any LogStorage) async throws {
        var builder = BatchBuilder()
        let bodies = (0..<8).map { Array("entry \($0)".utf8) }
        try await storage.append(try builder.batch(bodies: bodies))
        let asked = [NodeID(level: 3, index: 0), .leaf(5), NodeID(level: 1, index: 2), .leaf(0), .leaf(5)]
        let hashes = try await storage.hashes(of: asked)
        let leaves = bodies.map { MerkleHash.leaf($0) }
        #expect(hashes.count == asked.count)
        #expect(hashes[1] == leaves[5] && hashes[3] == leaves[0] && hashes[4] == leaves[5])
        #expect(hashes[2] == MerkleHash.node(leaves[4], leaves[5]))
        #expect(hashes[0] == builder.range.rootHash)
    }
}
