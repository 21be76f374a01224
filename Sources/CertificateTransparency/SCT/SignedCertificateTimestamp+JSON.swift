public import Foundation

/// The JSON form of `add-chain` / `add-pre-chain` responses (RFC 6962 §4.1):
/// `{"sct_version":0,"id":"<b64>","timestamp":<ms>,"extensions":"<b64>","signature":"<b64>"}`,
/// where `signature` is the base64 of the TLS ``DigitallySigned``.
///
/// Reading is strict about values (v1 only, padded standard base64, a 32-byte ID, an exact
/// `DigitallySigned`) and tolerates a missing `extensions`, which Go's CT client also reads as empty.
extension SignedCertificateTimestamp: Codable {
    enum CodingKeys: String, CodingKey {
        case version = "sct_version"
        case id, timestamp, extensions, signature
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .version)
        guard version == Int(Self.version) else {
            throw CTError(.unsupportedAlgorithm, "SCT version \(version) is not v1 (0)")
        }
        let logID = try Self.base64(container.decode(String.self, forKey: .id), field: "id")
        let timestamp = try container.decode(UInt64.self, forKey: .timestamp)
        let extensions = try container.decodeIfPresent(String.self, forKey: .extensions).map { try Self.base64($0, field: "extensions") } ?? []
        let signature = try DigitallySigned(tlsEncoded: Self.base64(container.decode(String.self, forKey: .signature), field: "signature"))
        try self.init(logID: logID, timestamp: timestamp, extensions: extensions, signature: signature)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Int(Self.version), forKey: .version)
        try container.encode(Data(logID).base64EncodedString(), forKey: .id)
        try container.encode(timestamp, forKey: .timestamp)
        try container.encode(Data(extensions).base64EncodedString(), forKey: .extensions)
        try container.encode(Data(signature.tlsEncoded).base64EncodedString(), forKey: .signature)
    }

    /// Parses an `add-chain` / `add-pre-chain` response body.
    ///
    /// - Throws: ``CTError/Code/malformedEncoding`` for anything that is not such a JSON object,
    ///   ``CTError/Code/unsupportedAlgorithm`` for an `sct_version` other than 0.
    public init(jsonEncoded json: some DataProtocol) throws {
        do {
            self = try JSONDecoder().decode(Self.self, from: Data(json))
        } catch let error as CTError {
            throw error
        } catch {
            throw CTError(.malformedEncoding, "not an add-chain response: \(error)")
        }
    }

    /// The response body a CT log returns, fields in RFC 6962 order, as Trillian's CTFE writes it.
    /// (Fulcio's legacy detached SCT is the base64 of these bytes.)
    public var jsonEncoded: [UInt8] {
        let fields = [
            "\"sct_version\":\(Self.version)",
            "\"id\":\"\(Data(logID).base64EncodedString())\"",
            "\"timestamp\":\(timestamp)",
            "\"extensions\":\"\(Data(extensions).base64EncodedString())\"",
            "\"signature\":\"\(Data(signature.tlsEncoded).base64EncodedString())\"",
        ]
        return Array("{\(fields.joined(separator: ","))}".utf8)
    }

    private static func base64(_ text: String, field: String) throws -> [UInt8] {
        guard let data = Data(base64Encoded: text) else {
            throw CTError(.malformedEncoding, "SCT \(field) is not padded standard base64")
        }
        return Array(data)
    }
}
