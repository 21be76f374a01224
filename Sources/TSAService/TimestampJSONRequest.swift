import Foundation
import RFC3161
import SigstoreCrypto
import SwiftASN1

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

extension TimestampJSONRequest {
    /// The DER request this JSON stands for.
    func timeStampRequest() throws(TimestampServiceError) -> TimeStampRequest {
        guard let hash = HashAlgorithm(rawValue: hashAlgorithm.lowercased()) else {
            throw TimestampServiceError(.invalidRequest, "unsupported hashAlgorithm '\(hashAlgorithm)': use sha256, sha384 or sha512")
        }
        guard let digest = Data(base64Encoded: artifactHash) else {
            throw TimestampServiceError(.invalidRequest, "artifactHash is not valid base64")
        }
        var policy: ASN1ObjectIdentifier?
        if let tsaPolicyOID {
            do {
                policy = try ASN1ObjectIdentifier(dotRepresentation: tsaPolicyOID)
            } catch {
                throw TimestampServiceError(.invalidRequest, "tsaPolicyOID '\(tsaPolicyOID)' is not an object identifier")
            }
        }
        if let nonce, nonce < 0 {
            throw TimestampServiceError(.invalidRequest, "nonce must not be negative")
        }
        var request = TimeStampRequest(
            hash: hash,
            digest: Array(digest),
            nonce: nonce.map { UInt64(bitPattern: $0) },
            certificateRequested: certificates ?? false
        )
        request.requestedPolicy = policy
        return request
    }
}
