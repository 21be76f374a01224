/// Watches a ``Sequencer`` commit batches: the seam metrics hang on (the engine knows nothing
/// of Prometheus). Calls run on the sequencer's actor between commits, so they must be quick
/// and must not block; every method has an empty default.
public protocol SequencerObserver: Sendable {
    /// A batch became durable (or turned out to hold only duplicates).
    func sequencerCommitted(_ commit: SequencerCommit)
    /// A batch failed; none of its entries were acknowledged.
    func sequencerFailedCommit(entryCount: Int)
    /// The tree was loaded from storage (on start or after a failure).
    func sequencerLoaded(treeSize: UInt64)
}

extension SequencerObserver {
    public func sequencerCommitted(_ commit: SequencerCommit) {}
    public func sequencerFailedCommit(entryCount: Int) {}
    public func sequencerLoaded(treeSize: UInt64) {}
}

/// What one sequencer commit did.
public struct SequencerCommit: Sendable, Hashable {
    /// New entries appended by this commit, counted by ``EntrySubmission/kind`` (`"unknown"`
    /// for submissions without one).
    public var appendedByKind: [String: Int]
    /// Submissions answered with an existing entry (already stored, or the same entry twice in
    /// the batch).
    public var duplicates: Int
    /// From taking the batch to its durable write returning: dedupe lookup, signing, storage.
    public var duration: Duration
    /// The tree size after the commit.
    public var treeSize: UInt64

    /// The number of new entries.
    public var appended: Int { appendedByKind.values.reduce(0, +) }

    public init(appendedByKind: [String: Int], duplicates: Int, duration: Duration, treeSize: UInt64) {
        self.appendedByKind = appendedByKind
        self.duplicates = duplicates
        self.duration = duration
        self.treeSize = treeSize
    }
}
