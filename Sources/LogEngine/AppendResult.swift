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
    /// The entry's inclusion proof against ``treeHead``, when the commit that logged it computed
    /// it in memory (always for a new entry; nil for a duplicate, whose proof must be read).
    public var inclusionProof: InclusionProof?

    public init(entry: LoggedEntry, isDuplicate: Bool, treeHead: TreeHead, inclusionProof: InclusionProof? = nil) {
        self.entry = entry
        self.isDuplicate = isDuplicate
        self.treeHead = treeHead
        self.inclusionProof = inclusionProof
    }
}
