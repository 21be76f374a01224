/// A published state of the log: its size, root hash and the signed checkpoint that commits to them.
public struct TreeHead: Sendable, Hashable {
    /// Number of leaves.
    public var size: UInt64
    /// RFC 6962 root hash of the first ``size`` leaves (the empty-string hash for size 0).
    public var rootHash: [UInt8]
    /// The signed note text (C2SP tlog-checkpoint) for ``size`` and ``rootHash``, as served.
    public var checkpoint: String

    public init(size: UInt64, rootHash: [UInt8], checkpoint: String) {
        self.size = size
        self.rootHash = rootHash
        self.checkpoint = checkpoint
    }
}
