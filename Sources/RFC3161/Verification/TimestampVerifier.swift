public import Foundation
import SigstoreCrypto
import SwiftASN1
import X509

/// Verifies RFC 3161 time-stamp tokens against trusted TSAs (interop contract §11.7).
///
/// Everything fails closed with a specific ``TimestampError/Code``. Certificates embedded in a token are never
/// used: the signer must be the leaf of a trusted TSA, found by the SignerInfo's issuer and serial (or key
/// identifier), and its chain is validated at the token's genTime, so a since-expired TSA certificate is fine.
public struct TimestampVerifier: Sendable {
    /// The TSAs whose tokens count.
    public var trustedAuthorities: [TrustedTimestampAuthority]

    /// Creates a verifier trusting `trustedAuthorities`.
    public init(trustedAuthorities: [TrustedTimestampAuthority]) {
        self.trustedAuthorities = trustedAuthorities
    }

    /// Verifies a DER/BER `TimeStampResp` (what Sigstore bundles store as `signedTimestamp`) or a bare token.
    ///
    /// - Parameters:
    ///   - encoded: The response or token bytes.
    ///   - timestampedData: The bytes whose hash the token must carry (for Sigstore, the signature bytes).
    ///   - expectedNonce: The nonce sent, as INTEGER content octets (``TimeStampRequest/nonce``); `nil` skips the check.
    public func verify(
        _ encoded: some Collection<UInt8>,
        for timestampedData: some DataProtocol,
        expectedNonce: [UInt8]? = nil
    ) async throws -> VerifiedTimestamp {
        let root = try TimestampError.parsing("timestamp") { try BER.parse(Array(encoded)) }
        // A token (ContentInfo) starts with its content-type OID; a response starts with the PKIStatusInfo SEQUENCE.
        if case .constructed(let children) = root.content, children.first(where: { _ in true })?.identifier == .objectIdentifier {
            let token = try TimestampError.parsing("time-stamp token") { try ContentInfo(berEncoded: root) }
            return try await self.verify(token: token, for: timestampedData, expectedNonce: expectedNonce)
        }
        let response = try TimestampError.parsing("TimeStampResp") { try TimeStampResponse(berEncoded: root) }
        return try await self.verify(response, for: timestampedData, expectedNonce: expectedNonce)
    }

    /// Verifies a parsed response; its status must be granted (or grantedWithMods) and carry a token.
    public func verify(
        _ response: TimeStampResponse,
        for timestampedData: some DataProtocol,
        expectedNonce: [UInt8]? = nil
    ) async throws -> VerifiedTimestamp {
        guard response.status.isGranted, let token = response.timeStampToken else {
            let reason = response.status.statusString?.joined(separator: "; ") ?? "no reason given"
            throw TimestampError(.notGranted, "the TSA answered \(response.status.status) without a token (\(reason))")
        }
        return try await self.verify(token: token, for: timestampedData, expectedNonce: expectedNonce)
    }

    /// Verifies a time-stamp token (`ContentInfo` holding `SignedData` over a TSTInfo).
    public func verify(
        token: ContentInfo,
        for timestampedData: some DataProtocol,
        expectedNonce: [UInt8]? = nil
    ) async throws -> VerifiedTimestamp {
        let signed = try SignedToken(token)
        let candidates = self.trustedAuthorities.filter { signed.signerInfo.signerIdentifier.matches($0.leaf) }
        guard !candidates.isEmpty else {
            throw TimestampError(.untrustedSigner, "the token's signer is not the leaf of any trusted TSA")
        }
        var firstFailure: (any Error)?
        for authority in candidates {
            do {
                try await signed.verify(by: authority)
                try signed.check(timestampedData: timestampedData, expectedNonce: expectedNonce)
                return VerifiedTimestamp(genTime: signed.genTime, tstInfo: signed.tstInfo, authority: authority)
            } catch {
                firstFailure = firstFailure ?? error
            }
        }
        throw firstFailure ?? TimestampError(.untrustedSigner, "no trusted TSA verified the token")
    }
}
