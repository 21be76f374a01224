public import AsyncHTTPClient
public import CertificateTransparency
import Foundation
import NIOCore
import NIOHTTP1
import SwiftASN1
public import X509

/// A remote RFC 6962 CT log: `POST <log URL>/ct/v1/add-pre-chain` with the base64 DER chain
/// (interop contract §3.1). Every request has a deadline and the answer's size is capped.
public struct HTTPPrecertificateLog: PrecertificateLog {
    /// The log's base URL, which may carry a prefix (Fulcio's default is `http://localhost:6962/test`).
    public let url: String
    private let httpClient: HTTPClient
    private let timeout: TimeAmount

    /// The largest response accepted: an SCT in JSON is a few hundred bytes.
    public static let maxResponseBytes = 64 * 1024

    public init(url: String, httpClient: HTTPClient = .shared, timeout: Duration = .seconds(10)) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.httpClient = httpClient
        let (seconds, attoseconds) = timeout.components
        self.timeout = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// - Throws: ``CAError/Code/issuanceFailed`` when the log cannot be reached, answers with a
    ///   non-200 status, or sends something that is not an SCT.
    public func submit(precertificateChain chain: [Certificate]) async throws -> SignedCertificateTimestamp {
        var request = HTTPClientRequest(url: url + "/ct/v1/add-pre-chain")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: try Self.requestBody(chain)))
        let body: ByteBuffer
        do {
            let response = try await httpClient.execute(request, timeout: timeout)
            body = try await response.body.collect(upTo: Self.maxResponseBytes)
            guard response.status == .ok else {
                throw CAError(.issuanceFailed, "the CT log at \(url) answered add-pre-chain with HTTP \(response.status.code): \(String(buffer: body).prefix(200))")
            }
        } catch let error as CAError {
            throw error
        } catch {
            throw CAError(.issuanceFailed, "the CT log at \(url) did not answer add-pre-chain: \(error)")
        }
        do {
            return try SignedCertificateTimestamp(jsonEncoded: Array(buffer: body))
        } catch {
            throw CAError(.issuanceFailed, "the CT log at \(url) answered add-pre-chain with something other than an SCT: \(error)")
        }
    }

    /// `{"chain":["<base64 DER>",…]}`.
    static func requestBody(_ chain: [Certificate]) throws -> [UInt8] {
        let encoded = try chain.map { certificate -> String in
            var serializer = DER.Serializer()
            try serializer.serialize(certificate)
            return "\"" + Data(serializer.serializedBytes).base64EncodedString() + "\""
        }
        return Array("{\"chain\":[\(encoded.joined(separator: ","))]}".utf8)
    }
}
