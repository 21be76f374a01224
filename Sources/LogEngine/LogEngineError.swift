/// Why a transparency log operation failed.
///
/// Match on ``code``; ``message`` is for people and may change. The HTTP layer maps codes to
/// status codes in one place (for example ``Code/treeSizeOutOfRange`` → 400,
/// ``Code/storageFailure`` → 500, ``Code/stopped`` and ``Code/overloaded`` → 503).
public struct LogEngineError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// The storage failed to read or write (I/O error, database unavailable, constraint
        /// violation). Nothing in the failed write was acknowledged.
        case storageFailure
        /// Another writer appended to the log since this one read its tree head; reload and retry.
        case staleTreeHead
        /// Stored data contradicts itself: a node the tree requires is missing, or the stored
        /// hashes do not lead to the stored root. The log must not accept writes until repaired.
        case inconsistentStorage
        /// An ``AppendBatch`` breaks its invariants (indices not contiguous, sizes disagree).
        case invalidBatch
        /// A tree size beyond the log's current size was asked for.
        case treeSizeOutOfRange
        /// A leaf index is not below the tree size it was asked for in.
        case indexOutOfRange
        /// A range of entries is empty, reversed or larger than ``LogEngineLimits/maximumEntriesPerRead``.
        case invalidRange
        /// An entry body is empty or larger than the sequencer's configured maximum.
        case invalidEntry
        /// A search key value is empty or longer than ``LogEngineLimits/maximumSearchKeyLength``.
        case invalidSearchKey
        /// A checkpoint signer's name or key cannot be used for the requested log flavour.
        case invalidSigner
        /// The sequencer has been shut down and accepts no more entries.
        case stopped
        /// More entries wait for a commit than ``SequencerConfiguration/maximumQueuedEntries``;
        /// the caller should push back (HTTP 503) and retry later.
        case overloaded
        /// The log is empty: no tree head has been published yet.
        case emptyLog
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
