public import Foundation
public import Logging
import Merkle

/// Assigns indices to entries and makes them durable in batches: the log's only writer path.
///
/// Callers ``submit(_:)`` an entry and await its index. Entries are grouped into batches (see
/// ``SequencerConfiguration``); each batch is deduplicated against itself and the storage, its
/// leaves are appended to the in-memory compact range, a checkpoint is signed for the new
/// root, and everything is written in one ``LogStorage/append(_:)`` transaction.
///
/// Guarantees:
/// - **No waiter is resumed before its batch is durable.** A failed commit fails every waiter
///   of the batch and leaves the tree as it was; the compact range is reloaded from storage
///   before the next batch, so an ambiguous failure (written but reported as failed) cannot
///   fork the tree: those entries are simply found as duplicates later.
/// - The only per-log state in memory is the compact range (one hash per set bit of the
///   size) and the entries waiting for a commit. On start, and after any failure, the range is
///   rebuilt from stored hashes and checked against the stored root, so a restart after
///   `kill -9` continues the same tree.
/// - When another writer sharing the storage moved the tree head, the batch is retried on the
///   reloaded tree (``SequencerConfiguration/maximumCommitAttempts``).
///
/// Cancelling a submitting task does not withdraw its entry: once submitted it is committed.
public actor Sequencer {
    struct Waiter {
        var continuation: CheckedContinuation<AppendResult, any Error>
        var isDuplicate: Bool
    }

    struct Pending {
        var submission: EntrySubmission
        var leafHash: [UInt8]
        var enqueued: ContinuousClock.Instant
        var waiters: [Waiter]
    }

    let storage: any LogStorage
    let signer: CheckpointSigner
    let configuration: SequencerConfiguration
    let now: @Sendable () -> Date
    let logger: Logger
    let observer: (any SequencerObserver)?

    /// The tree as last committed, or nil when it must be (re)loaded from storage.
    var tree: CompactRange?
    var head: TreeHead?

    private var pending: [Pending] = []
    private var pendingPositions: [[UInt8]: Int] = [:]
    private let clock = ContinuousClock()
    private var timer: Task<Void, Never>?
    /// Held while a commit or a load runs: they change ``tree`` across suspension points.
    private var isBusy = false
    private var busyWaiters: [CheckedContinuation<Void, Never>] = []
    private var isStopping = false
    /// When the last commit ended: a new batch gathers from then on, not from when its oldest
    /// entry arrived (those arrived while the previous commit ran).
    private var lastCommitEnd: ContinuousClock.Instant?
    private var drainWaiters: [CheckedContinuation<Void, Never>] = []

    /// Creates a sequencer; it loads the tree from storage on ``start()`` or its first commit.
    ///
    /// - Parameters:
    ///   - storage: the log's storage.
    ///   - signer: signs the checkpoint of every new tree head.
    ///   - configuration: batching limits.
    ///   - now: the wall clock that stamps entries' integrated time.
    ///   - logger: receives commit failures and reloads.
    ///   - observer: told about every commit (metrics).
    public init(
        storage: any LogStorage,
        signer: CheckpointSigner,
        configuration: SequencerConfiguration = SequencerConfiguration(),
        now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "signet.tlog.sequencer"),
        observer: (any SequencerObserver)? = nil
    ) {
        self.storage = storage
        self.signer = signer
        self.configuration = configuration
        self.now = now
        self.logger = logger
        self.observer = observer
    }

    /// Loads the tree from storage (publishing a signed empty tree head for a new log) and
    /// returns the current tree head.
    ///
    /// - Throws: ``LogEngineError/Code/inconsistentStorage`` when the stored hashes do not lead to
    ///   the stored root, ``LogEngineError/Code/invalidSigner`` when the storage holds another log.
    @discardableResult
    public func start() async throws -> TreeHead {
        await acquire()
        defer { release() }
        return try await loadedState().head
    }

    /// The latest tree head this sequencer committed or loaded, if any.
    public var currentTreeHead: TreeHead? { head }

    /// Entries submitted and waiting for a batch (excluding the batch being committed).
    public var queuedEntryCount: Int { pending.count }

    /// Submits an entry and returns once it is durable (or was already in the log).
    ///
    /// - Throws: ``LogEngineError/Code/invalidEntry`` for an empty or oversized body,
    ///   ``LogEngineError/Code/stopped`` after ``shutdown()``, ``LogEngineError/Code/overloaded`` when
    ///   the queue is full, and whatever the commit of the entry's batch threw (the entry is
    ///   then not acknowledged).
    public func submit(_ submission: EntrySubmission) async throws -> AppendResult {
        guard !isStopping else {
            throw LogEngineError(.stopped, "the sequencer is shutting down")
        }
        guard !submission.body.isEmpty, submission.body.count <= configuration.maximumEntrySize else {
            throw LogEngineError(.invalidEntry, "an entry body must be 1 to \(configuration.maximumEntrySize) bytes long, not \(submission.body.count)")
        }
        guard pending.count < configuration.maximumQueuedEntries else {
            throw LogEngineError(.overloaded, "\(pending.count) entries are already waiting for a commit")
        }
        let leafHash = MerkleHash.leaf(submission.body)
        return try await withCheckedThrowingContinuation { continuation in
            enqueue(submission, leafHash: leafHash, continuation: continuation)
        }
    }

    /// Stops accepting entries, commits every entry already submitted and returns when done.
    public func shutdown() async {
        isStopping = true
        scheduleCommit()
        while isBusy || !pending.isEmpty {
            await withCheckedContinuation { drainWaiters.append($0) }
        }
        timer?.cancel()
        timer = nil
    }

    private func enqueue(_ submission: EntrySubmission, leafHash: [UInt8], continuation: CheckedContinuation<AppendResult, any Error>) {
        if let position = pendingPositions[leafHash] {
            pending[position].waiters.append(Waiter(continuation: continuation, isDuplicate: true))
            return
        }
        pendingPositions[leafHash] = pending.count
        pending.append(Pending(submission: submission, leafHash: leafHash, enqueued: clock.now, waiters: [Waiter(continuation: continuation, isDuplicate: false)]))
        scheduleCommit()
    }

    /// Starts a commit when the batch is full or has gathered for the batch age; otherwise
    /// makes sure a timer wakes us when it has.
    private func scheduleCommit() {
        guard !isBusy, let oldest = pending.first else { return }
        let gatheringSince = max(oldest.enqueued, lastCommitEnd ?? oldest.enqueued)
        let deadline = gatheringSince.advanced(by: configuration.maximumBatchAge)
        guard pending.count >= configuration.maximumBatchSize || isStopping || clock.now >= deadline else {
            if timer == nil {
                timer = Task { [weak self] in
                    try? await Task.sleep(until: deadline, clock: .continuous)
                    // A cancelled timer was replaced by a commit; it must not clear its successor.
                    guard !Task.isCancelled else { return }
                    await self?.timerFired()
                }
            }
            return
        }
        timer?.cancel()
        timer = nil
        isBusy = true
        let batch = takeBatch()
        Task { await self.commit(batch) }
    }

    private func timerFired() {
        timer = nil
        scheduleCommit()
    }

    private func takeBatch() -> [Pending] {
        let count = min(pending.count, configuration.maximumBatchSize)
        let batch = Array(pending.prefix(count))
        pending.removeFirst(count)
        pendingPositions.removeAll(keepingCapacity: true)
        for (position, item) in pending.enumerated() {
            pendingPositions[item.leafHash] = position
        }
        return batch
    }

    private func commit(_ batch: [Pending]) async {
        let started = clock.now
        do {
            let results = try await appendRetryingStaleHead(batch)
            var appendedByKind: [String: Int] = [:]
            var duplicates = 0
            for (item, result) in zip(batch, results) {
                if !result.isDuplicate {
                    appendedByKind[item.submission.kind ?? "unknown", default: 0] += 1
                }
                for waiter in item.waiters {
                    var answer = result
                    answer.isDuplicate = result.isDuplicate || waiter.isDuplicate
                    if answer.isDuplicate { duplicates += 1 }
                    waiter.continuation.resume(returning: answer)
                }
            }
            observer?.sequencerCommitted(SequencerCommit(
                appendedByKind: appendedByKind, duplicates: duplicates, duration: clock.now - started, treeSize: head?.size ?? 0
            ))
        } catch {
            observer?.sequencerFailedCommit(entryCount: batch.reduce(0) { $0 + $1.waiters.count })
            // The storage may or may not hold the batch; reload before trusting the tree again.
            tree = nil
            head = nil
            logger.error("transparency log commit failed", metadata: ["entries": "\(batch.count)", "error": "\(error)"])
            for item in batch {
                for waiter in item.waiters {
                    waiter.continuation.resume(throwing: error)
                }
            }
        }
        lastCommitEnd = clock.now
        release()
    }

    private func appendRetryingStaleHead(_ batch: [Pending]) async throws -> [AppendResult] {
        var attempt = 1
        while true {
            do {
                return try await append(batch)
            } catch let error as LogEngineError where error.code == .staleTreeHead && attempt < configuration.maximumCommitAttempts {
                logger.notice("tree head moved under the sequencer; reloading", metadata: ["attempt": "\(attempt)"])
                tree = nil
                head = nil
                attempt += 1
            }
        }
    }

    private func acquire() async {
        guard isBusy else {
            isBusy = true
            return
        }
        await withCheckedContinuation { busyWaiters.append($0) }
    }

    private func release() {
        if !busyWaiters.isEmpty {
            busyWaiters.removeFirst().resume()
            return
        }
        isBusy = false
        scheduleCommit()
        if !isBusy && pending.isEmpty {
            for waiter in drainWaiters {
                waiter.resume()
            }
            drainWaiters.removeAll()
        }
    }
}
