public import Foundation

/// A transparency log entry that verified: which log holds it, where, and what it proves.
public struct VerifiedLogEntry: Sendable, Hashable {
    /// The log's ID (`logId.keyId`), as the trusted root lists it.
    public let logID: [UInt8]
    /// The log's base URL from the trusted root.
    public let baseURL: String
    /// The entry's index. For Rekor v1 this is the global index across shards, which only the
    /// SET signs: without one it is merely no smaller than the proven shard-local index.
    public let logIndex: Int64
    /// The entry kind, e.g. `hashedrekord`.
    public let kind: String
    /// The entry kind's version, e.g. `0.0.1`.
    public let version: String
    /// When a Rekor v1 log integrated the entry, if its signed entry timestamp verified.
    public let integratedTime: Date?
    /// The checkpoint the inclusion proof led to; `nil` for a v0.1 bundle that carries only
    /// an inclusion promise.
    public let checkpoint: CheckpointSummary?

    /// The signed tree head the entry was proven against.
    public struct CheckpointSummary: Sendable, Hashable {
        /// The log's origin line, e.g. `rekor.sigstore.dev - 1193050959916656506`.
        public let origin: String
        /// The number of entries in the tree.
        public let treeSize: UInt64
        /// The tree's root hash, which the inclusion proof led to.
        public let rootHash: [UInt8]
    }
}
