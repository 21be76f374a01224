import Foundation
import RFC3161
import SigstoreCrypto
import SwiftASN1

/// An RFC 3161 timestamp authority: `POST {url}` with a DER `TimeStampReq`
/// (`application/timestamp-query`), answered by a DER `TimeStampResp` (interop contract §7).
public struct TimestampAuthorityClient: Sendable {
    /// The full endpoint from the signing configuration (`tsaUrls[].url`), used as is.
    public let url: String
    private let http: ServiceHTTPClient

    public init(url: String, http: ServiceHTTPClient = ServiceHTTPClient(timeout: .seconds(10))) {
        self.url = url
        self.http = http
    }

    /// Timestamps `signature`: the request carries SHA-256(`signature`), a random nonce and
    /// `certReq`.
    ///
    /// - Returns: The DER `TimeStampResp`, as the bundle stores it, once it says *granted*,
    ///   carries a token, and echoes the digest and nonce sent.
    /// - Throws: ``ServiceClientError`` `.rejected` for an HTTP refusal or a rejection status,
    ///   `.malformedResponse` for a reply that does not parse or does not match the request.
    public func timestamp(signature: [UInt8]) async throws -> [UInt8] {
        let digest = HashAlgorithm.sha256.hash(signature)
        let nonce = UInt64.random(in: 1...UInt64.max)
        let request = TimeStampRequest(hash: .sha256, digest: digest, nonce: nonce)
        let response = try await http.post(url, body: try request.derEncoded(), contentType: "application/timestamp-query", headers: [
            ("Accept", "application/timestamp-reply"),
        ])
        try response.requireSuccess("the timestamp authority")
        try Self.check(response.body, matches: request, url: url)
        return response.body
    }

    static func check(_ reply: [UInt8], matches request: TimeStampRequest, url: String) throws {
        let info: TSTInfo
        do {
            let response = try TimeStampResponse(bytes: reply)
            guard response.status.status == .granted || response.status.status == .grantedWithMods else {
                throw ServiceClientError(.rejected, "the timestamp authority at \(url) refused the request (status \(response.status.status))")
            }
            guard let token = response.timeStampToken, let content = try token.signedData().encapsulatedContentInfo.eContent else {
                throw ServiceClientError(.malformedResponse, "the timestamp authority at \(url) granted no token")
            }
            info = try TSTInfo(berEncoded: content)
        } catch let error as ServiceClientError {
            throw error
        } catch {
            throw ServiceClientError(.malformedResponse, "the timestamp authority at \(url) sent a reply that does not parse: \(error)")
        }
        guard info.messageImprint == request.messageImprint else {
            throw ServiceClientError(.malformedResponse, "the timestamp authority at \(url) stamped another digest than the one sent")
        }
        guard info.nonce.map(Self.stripped) == request.nonce.map(Self.stripped) else {
            throw ServiceClientError(.malformedResponse, "the timestamp authority at \(url) did not echo the nonce")
        }
    }

    /// An INTEGER's content octets without sign-padding zeros, so equal values compare equal.
    private static func stripped(_ bytes: [UInt8]) -> [UInt8] {
        Array(bytes.drop { $0 == 0 })
    }
}
