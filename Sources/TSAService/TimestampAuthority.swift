public import Foundation
public import RFC3161
public import SigstoreCrypto
import SwiftASN1
public import X509

/// An RFC 3161 timestamp authority: turns timestamp requests into signed, granted responses.
///
/// Refusals are thrown as ``TimestampServiceError`` rather than returned as `rejection` responses,
/// because Sigstore clients embed any 2xx body in their bundles (interop contract §7.1).
public struct TimestampAuthority: Sendable {
    /// Largest JSON request body (the reference TSA's limit).
    public static let maxJSONRequestSize = 1024

    public let issuer: TimestampIssuer
    public let certificateChain: TSACertificateChain
    private let clock: @Sendable () -> Date

    /// - Parameters:
    ///   - signer: the key of the chain's leaf, in memory or behind an HSM/KMS.
    ///   - certificateChain: `[leaf, intermediates…, root]`; the leaf must carry the critical timeStamping EKU.
    ///   - clock: the source of `genTime`.
    public init(
        signer: any KeySigner,
        certificateChain: TSACertificateChain,
        configuration: TimestampIssuer.Configuration = .init(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.issuer = try TimestampIssuer(signer: signer, certificateChain: certificateChain.certificates, configuration: configuration)
        self.certificateChain = certificateChain
        self.clock = clock
    }

    /// Answers a DER `TimeStampReq` (`application/timestamp-query`) with a DER `TimeStampResp`.
    public func timestamp(query: [UInt8]) async throws(TimestampServiceError) -> [UInt8] {
        let request: TimeStampRequest
        do {
            request = try TimeStampRequest(bytes: query)
        } catch {
            throw TimestampServiceError(.invalidRequest, "the body is not a DER TimeStampReq (RFC 3161)")
        }
        return try await respond(to: request)
    }

    /// Answers the JSON request form (`application/json`) with a DER `TimeStampResp`.
    public func timestamp(jsonRequest body: [UInt8]) async throws(TimestampServiceError) -> [UInt8] {
        try await respond(to: TimestampJSONRequest.parse(body).timeStampRequest())
    }

    /// The chain as PEM, leaf first, for `GET /api/v1/timestamp/certchain`.
    public func certificateChainPEM() throws -> String {
        try certificateChain.pemEncoded()
    }

    private func respond(to request: TimeStampRequest) async throws(TimestampServiceError) -> [UInt8] {
        do {
            let response = try await issuer.respond(to: request, at: clock(), serialNumber: Self.newSerialNumber())
            return try response.derEncoded()
        } catch let error as TimestampError where error.code != .issuanceFailed {
            throw TimestampServiceError(.invalidRequest, error.message)
        } catch {
            throw TimestampServiceError(.signingFailed, "could not sign the timestamp: \(error)")
        }
    }

    /// A random positive 159-bit serial: unique without coordination between replicas.
    static func newSerialNumber() -> Certificate.SerialNumber {
        var bytes = (0..<20).map { _ in UInt8.random(in: .min ... .max) }
        bytes[0] &= 0x7F
        bytes[0] |= 0x01
        return Certificate.SerialNumber(bytes: bytes)
    }
}
