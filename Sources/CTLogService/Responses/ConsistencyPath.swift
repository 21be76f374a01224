public import Foundation

/// The `get-sth-consistency` answer (RFC 6962 §4.4): `{"consistency":["<b64>",…]}`.
public struct ConsistencyPath: Sendable, Hashable, Encodable {
    public var consistency: [[UInt8]]

    public init(consistency: [[UInt8]]) {
        self.consistency = consistency
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(consistency.map { Data($0).base64EncodedString() }, forKey: .consistency)
    }

    enum CodingKeys: String, CodingKey { case consistency }
}
