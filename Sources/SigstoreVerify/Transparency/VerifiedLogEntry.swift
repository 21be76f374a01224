public import Foundation

/// A transparency log entry that verified: which log holds it, where, and what it proves.
public struct VerifiedLogEntry: Sendable, Hashable {
    /// The log's ID (`logId.keyId`), as the trusted root lists it.
    public let logID: [UInt8]
    /// The log's base URL from the trusted root.
    public let baseURL: String
    /// The entry's index (for Rekor v1 the global index across shards).
    public let logIndex: Int64
    /// The entry kind and version, e.g. `hashedrekord` and `0.0.1`.
    public let kind: String
    public let version: String
    /// When a Rekor v1 log integrated the entry, if its signed entry timestamp verified.
    public let integratedTime: Date?
    /// The checkpoint the inclusion proof led to; `nil` for a v0.1 bundle that carries only
    /// an inclusion promise.
    public let checkpoint: CheckpointSummary?

    /// The signed tree head the entry was proven against.
    public struct CheckpointSummary: Sendable, Hashable {
        public let origin: String
        public let treeSize: UInt64
        public let rootHash: [UInt8]
    }
}
