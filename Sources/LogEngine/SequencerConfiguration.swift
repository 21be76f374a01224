/// How the ``Sequencer`` groups entries into durable commits.
public struct SequencerConfiguration: Sendable, Hashable {
    /// The most entries one commit (one storage transaction, one signed checkpoint) holds.
    public var maximumBatchSize: Int
    /// How long a batch gathers entries before it is committed, unless it fills up first.
    ///
    /// A batch gathers from its first entry's arrival or from the end of the previous commit,
    /// whichever is later; commits never overlap. An age of zero commits whatever is waiting as
    /// soon as the previous commit ends ("group commit"), the lowest latency under light load.
    /// Under load a small age lets the submitters just answered by one commit rejoin the next,
    /// so batches grow and fewer syncs carry more entries (like PostgreSQL's `commit_delay`).
    public var maximumBatchAge: Duration
    /// The largest entry body accepted, in bytes.
    public var maximumEntrySize: Int
    /// The most entries that may wait for a commit; beyond it ``Sequencer/submit(_:)`` fails
    /// with ``LogEngineError/Code/overloaded`` (HTTP 503, push back) instead of queueing without bound.
    public var maximumQueuedEntries: Int
    /// How many times a batch is tried when another writer moved the tree head in between
    /// (``LogEngineError/Code/staleTreeHead``); each retry reloads the tree from storage.
    public var maximumCommitAttempts: Int

    public init(
        maximumBatchSize: Int = 1_024,
        maximumBatchAge: Duration = .zero,
        maximumEntrySize: Int = LogEngineLimits.defaultMaximumEntrySize,
        maximumQueuedEntries: Int = 100_000,
        maximumCommitAttempts: Int = 5
    ) {
        precondition(maximumBatchSize > 0 && maximumQueuedEntries > 0 && maximumCommitAttempts > 0 && maximumBatchAge >= .zero, "sequencer limits must be positive")
        self.maximumBatchSize = maximumBatchSize
        self.maximumBatchAge = maximumBatchAge
        self.maximumEntrySize = maximumEntrySize
        self.maximumQueuedEntries = maximumQueuedEntries
        self.maximumCommitAttempts = maximumCommitAttempts
    }
}
