public import Merkle

/// What the ``Sequencer`` answers once an entry is durable.
public struct AppendResult: Sendable, Hashable {
    /// The entry as stored. For a duplicate this is the earlier entry, with its index and
    /// integrated time.
    public var entry: LoggedEntry
    /// True when the log already held an entry with the same body (Rekor answers 409).
    public var isDuplicate: Bool
    /// A durable tree head that contains ``entry``: prove inclusion against its size and
    /// return its checkpoint.
    public var treeHead: TreeHead
    /// What the commit that logged the entry knows of its batch's tree, shared by every writer
    /// of the batch; nil for a duplicate.
    public var appendedLeafProofs: AppendedLeafProofs?

    public init(entry: LoggedEntry, isDuplicate: Bool, treeHead: TreeHead, appendedLeafProofs: AppendedLeafProofs? = nil) {
        self.entry = entry
        self.isDuplicate = isDuplicate
        self.treeHead = treeHead
        self.appendedLeafProofs = appendedLeafProofs
    }

    /// The entry's inclusion proof against ``treeHead``, built in memory by the caller's task
    /// (not the sequencer's) from its batch; nil for a duplicate, whose proof must be read.
    public var inclusionProof: InclusionProof? {
        guard !isDuplicate else { return nil }
        return try? appendedLeafProofs?.inclusionProof(leafIndex: entry.index)
    }
}
