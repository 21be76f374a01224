public import Foundation

/// The `get-proof-by-hash` answer (RFC 6962 §4.5): `{"leaf_index":n,"audit_path":["<b64>",…]}`.
public struct AuditProof: Sendable, Hashable, Encodable {
    public var leafIndex: UInt64
    public var auditPath: [[UInt8]]

    public init(leafIndex: UInt64, auditPath: [[UInt8]]) {
        self.leafIndex = leafIndex
        self.auditPath = auditPath
    }

    enum CodingKeys: String, CodingKey {
        case leafIndex = "leaf_index"
        case auditPath = "audit_path"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(leafIndex, forKey: .leafIndex)
        try container.encode(auditPath.map { Data($0).base64EncodedString() }, forKey: .auditPath)
    }
}
