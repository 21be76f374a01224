import Foundation

/// The JSON form of a timestamp request that the reference TSA accepts next to DER:
/// `{"artifactHash": "<b64 digest>", "hashAlgorithm": "sha256", "nonce": 123, "certificates": true,
///   "tsaPolicyOID": "1.3.6.1.4.1.57264.2"}`.
struct TimestampJSONRequest: Decodable {
    var artifactHash: String
    var hashAlgorithm: String
    var nonce: Int64?
    var certificates: Bool?
    var tsaPolicyOID: String?

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case artifactHash, hashAlgorithm, nonce, certificates, tsaPolicyOID
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        artifactHash = try container.decode(String.self, forKey: .artifactHash)
        hashAlgorithm = try container.decode(String.self, forKey: .hashAlgorithm)
        nonce = try container.decodeIfPresent(Int64.self, forKey: .nonce)
        certificates = try container.decodeIfPresent(Bool.self, forKey: .certificates)
        tsaPolicyOID = try container.decodeIfPresent(String.self, forKey: .tsaPolicyOID)
    }

    static func parse(_ body: [UInt8]) throws(TimestampServiceError) -> TimestampJSONRequest {
        guard body.count <= TimestampAuthority.maxJSONRequestSize else {
            throw TimestampServiceError(.invalidRequest, "JSON timestamp request exceeds \(TimestampAuthority.maxJSONRequestSize) bytes")
        }
        do {
            return try JSONDecoder().decode(TimestampJSONRequest.self, from: Data(body))
        } catch let DecodingError.keyNotFound(key, _) {
            throw TimestampServiceError(.invalidRequest, "JSON timestamp request is missing \(key.stringValue)")
        } catch let DecodingError.typeMismatch(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw TimestampServiceError(.invalidRequest, "JSON timestamp request has a wrong type at \(field)")
        } catch {
            throw TimestampServiceError(.invalidRequest, "JSON timestamp request is not valid JSON")
        }
    }
}
