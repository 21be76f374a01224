public import Foundation

/// One entry of `get-entries` (RFC 6962 §4.6).
public struct LogEntry: Sendable, Hashable, Encodable {
    /// The `MerkleTreeLeaf`; its leaf hash is SHA-256(0x00 ‖ leaf input).
    public var leafInput: [UInt8]
    /// The submitted chain: a `certificate_chain` for an `x509_entry`, a `PrecertChainEntry`
    /// for a `precert_entry`.
    public var extraData: [UInt8]

    public init(leafInput: [UInt8], extraData: [UInt8]) {
        self.leafInput = leafInput
        self.extraData = extraData
    }

    enum CodingKeys: String, CodingKey {
        case leafInput = "leaf_input"
        case extraData = "extra_data"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Data(leafInput).base64EncodedString(), forKey: .leafInput)
        try container.encode(Data(extraData).base64EncodedString(), forKey: .extraData)
    }
}

/// The `get-entries` answer: `{"entries":[…]}`.
public struct LogEntries: Sendable, Hashable, Encodable {
    public var entries: [LogEntry]

    public init(entries: [LogEntry]) {
        self.entries = entries
    }
}
