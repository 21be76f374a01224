public import Foundation

/// The `get-roots` answer (RFC 6962 §4.7): `{"certificates":["<b64 DER>",…]}`.
public struct RootList: Sendable, Hashable, Encodable {
    /// The accepted roots, DER.
    public var certificates: [[UInt8]]

    public init(certificates: [[UInt8]]) {
        self.certificates = certificates
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(certificates.map { Data($0).base64EncodedString() }, forKey: .certificates)
    }

    enum CodingKeys: String, CodingKey { case certificates }
}
