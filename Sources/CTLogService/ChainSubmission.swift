public import Foundation
import CertificateTransparency
import SwiftASN1
public import X509

/// The body of `add-chain` and `add-pre-chain` (RFC 6962 §4.1): `{"chain":["<base64 DER>",…]}`,
/// leaf first.
public struct ChainSubmission: Sendable, Hashable {
    /// The submitted certificates, leaf first.
    public var chain: [Certificate]

    public init(chain: [Certificate]) {
        self.chain = chain
    }

    /// Parses the JSON body.
    ///
    /// - Throws: ``CTLogError/Code/invalidSubmission`` for malformed JSON, base64 or DER, or an
    ///   empty chain.
    public init(jsonEncoded json: some DataProtocol) throws {
        let body: Body
        do {
            body = try JSONDecoder().decode(Body.self, from: Data(json))
        } catch {
            throw CTLogError(.invalidSubmission, "the body is not {\"chain\":[<base64 DER>,…]}: \(error)")
        }
        guard !body.chain.isEmpty else {
            throw CTLogError(.invalidSubmission, "the chain is empty")
        }
        chain = try body.chain.enumerated().map { position, der in
            do {
                return try Certificate(derEncoded: der)
            } catch {
                throw CTLogError(.invalidSubmission, "chain[\(position)] is not a DER certificate: \(error)")
            }
        }
    }

    /// The JSON body, as a client sends it.
    public var jsonEncoded: [UInt8] {
        let strings = chain.map { Data(Self.der($0)).base64EncodedString() }
        // A list of base64 strings cannot fail to encode.
        return (try? [UInt8](JSONEncoder().encode(["chain": strings]))) ?? []
    }

    /// The DER of a certificate. swift-certificates keeps the parsed bytes of every certificate,
    /// so re-encoding cannot fail for one that was parsed or built.
    static func der(_ certificate: Certificate) -> [UInt8] {
        guard case .x509(let der)? = try? SignedEntry(certificate: certificate) else { return [] }
        return der
    }
}

/// The wire form of ``ChainSubmission``.
private struct Body: Decodable {
    var chain: [[UInt8]]

    enum CodingKeys: String, CodingKey { case chain }

    init(from decoder: any Decoder) throws {
        chain = try decoder.container(keyedBy: CodingKeys.self).decodeBase64List(forKey: .chain)
    }
}
