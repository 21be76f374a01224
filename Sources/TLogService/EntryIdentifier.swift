import SigstoreCrypto

/// How Rekor v1 names an entry: the 64-hex UUID (its leaf hash) or the 80-hex entry ID, which
/// prefixes the UUID with the tree ID as 16 hex digits.
public struct EntryIdentifier: Sendable, Hashable {
    /// The leaf hash, SHA-256(0x00 ‖ body).
    public var leafHash: [UInt8]
    /// The tree ID the entry ID named, if it was an 80-hex entry ID.
    public var treeID: Int64?

    public init(leafHash: [UInt8], treeID: Int64? = nil) {
        self.leafHash = leafHash
        self.treeID = treeID
    }

    /// Parses a 64-hex UUID or an 80-hex entry ID (either case).
    ///
    /// - Throws: ``RekorError/Code/invalidQuery`` for anything else.
    public init(parsing text: String) throws(RekorError) {
        guard let bytes = Hex.decode(text) else {
            throw RekorError(.invalidQuery, "\(String(reflecting: text)) is not a 64-hex UUID or an 80-hex entry ID")
        }
        switch bytes.count {
        case 32:
            self.init(leafHash: bytes)
        case 40:
            let treeID = bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            self.init(leafHash: Array(bytes.suffix(32)), treeID: Int64(bitPattern: treeID))
        default:
            throw RekorError(.invalidQuery, "\(String(reflecting: text)) is not a 64-hex UUID or an 80-hex entry ID")
        }
    }

    /// The 64-hex UUID.
    public var uuid: String { Hex.encode(leafHash) }

    /// The 80-hex entry ID of this entry in the tree `treeID`.
    public func entryID(treeID: Int64) -> String {
        let id = UInt64(bitPattern: treeID)
        return Hex.encode((0..<8).reversed().map { UInt8(truncatingIfNeeded: id >> ($0 * 8)) }) + uuid
    }
}
