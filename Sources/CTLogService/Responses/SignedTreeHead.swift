public import Foundation

/// A signed tree head as `get-sth` answers it (RFC 6962 §4.3).
public struct SignedTreeHead: Sendable, Hashable, Codable {
    /// Number of entries in the tree.
    public var treeSize: UInt64
    /// When the head was signed, in milliseconds since 1970.
    public var timestamp: UInt64
    /// The RFC 6962 root hash.
    public var rootHash: [UInt8]
    /// TLS `DigitallySigned` over the `TreeHeadSignature` structure (see ``signedData``).
    public var treeHeadSignature: [UInt8]

    public init(treeSize: UInt64, timestamp: UInt64, rootHash: [UInt8], treeHeadSignature: [UInt8]) {
        self.treeSize = treeSize
        self.timestamp = timestamp
        self.rootHash = rootHash
        self.treeHeadSignature = treeHeadSignature
    }

    /// The `TreeHeadSignature` the log signs: `u8 version(0) ‖ u8 signature_type(1 = tree_hash) ‖
    /// u64 timestamp ‖ u64 tree_size ‖ sha256_root_hash[32]`.
    public var signedData: [UInt8] {
        Self.signedData(treeSize: treeSize, timestamp: timestamp, rootHash: rootHash)
    }

    static func signedData(treeSize: UInt64, timestamp: UInt64, rootHash: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [0, 1]
        bytes.appendBigEndian(timestamp, byteCount: 8)
        bytes.appendBigEndian(treeSize, byteCount: 8)
        return bytes + rootHash
    }

    enum CodingKeys: String, CodingKey {
        case treeSize = "tree_size"
        case timestamp
        case rootHash = "sha256_root_hash"
        case treeHeadSignature = "tree_head_signature"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        treeSize = try container.decode(UInt64.self, forKey: .treeSize)
        timestamp = try container.decode(UInt64.self, forKey: .timestamp)
        rootHash = try container.decodeBase64(forKey: .rootHash)
        treeHeadSignature = try container.decodeBase64(forKey: .treeHeadSignature)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(treeSize, forKey: .treeSize)
        try container.encode(timestamp, forKey: .timestamp)
        try container.encode(Data(rootHash).base64EncodedString(), forKey: .rootHash)
        try container.encode(Data(treeHeadSignature).base64EncodedString(), forKey: .treeHeadSignature)
    }
}
