/// An entry as the log stores it: the leaf data at one index.
public struct LoggedEntry: Sendable, Hashable {
    /// Zero-based position in the log (the shard-local index).
    public var index: UInt64
    /// RFC 6962 leaf hash, SHA-256(0x00 ‖ ``body``); also the entry's v1 UUID.
    public var leafHash: [UInt8]
    /// The leaf data: the canonical entry body.
    public var body: [UInt8]
    /// When the entry was sequenced, in seconds since 1970 (Rekor v1's `integratedTime`).
    public var integratedTime: Int64

    public init(index: UInt64, leafHash: [UInt8], body: [UInt8], integratedTime: Int64) {
        self.index = index
        self.leafHash = leafHash
        self.body = body
        self.integratedTime = integratedTime
    }
}
