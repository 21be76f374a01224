public import X509
import Foundation
import SigstoreCrypto

/// Verifies SCTs against trusted CT logs (interop contract §11.5): embedded SCT lists in
/// certificates, and detached SCTs.
///
/// Every failure is a ``CTError`` with a specific code. Verification is pure: it reads no clock,
/// since an SCT is checked against its log key's validity at the SCT's own timestamp.
public struct SCTVerifier: Sendable {
    /// The logs whose SCTs count.
    public var trustedLogs: [TrustedCTLog]

    /// Creates a verifier trusting `trustedLogs`.
    public init(trustedLogs: [TrustedCTLog]) {
        self.trustedLogs = trustedLogs
    }

    /// Verifies the SCTs embedded in `certificate`.
    ///
    /// Each SCT is checked over the precertificate entry rebuilt from `certificate` (its TBS
    /// without the SCT list, bound to `issuer`'s key), with the trusted log whose ID it names,
    /// at a time inside that log's validity.
    ///
    /// - Parameters:
    ///   - certificate: The leaf.
    ///   - issuer: The certificate that issued it (the first chain certificate above the leaf).
    ///   - policy: How many SCTs there must be and how many must verify; Sigstore by default.
    /// - Returns: The SCTs that verified.
    /// - Throws: ``CTError`` with `.missingExtension` (no SCT list), `.malformedEncoding`,
    ///   `.unexpectedSCTCount`, or, when too few SCTs verify, the first SCT failure:
    ///   `.unknownLog`, `.unsupportedAlgorithm` or `.invalidSignature`.
    @discardableResult
    public func verifyEmbeddedSCTs(in certificate: Certificate, issuer: Certificate, policy: SCTPolicy = .sigstore) throws -> [VerifiedSCT] {
        try verifyEmbeddedSCTs(tbsCertificate: certificate.tbsCertificateBytes, issuerTBSCertificate: issuer.tbsCertificateBytes, policy: policy)
    }

    /// ``verifyEmbeddedSCTs(in:issuer:policy:)`` over raw DER TBSCertificates.
    func verifyEmbeddedSCTs(
        tbsCertificate: ArraySlice<UInt8>,
        issuerTBSCertificate: ArraySlice<UInt8>,
        policy: SCTPolicy
    ) throws -> [VerifiedSCT] {
        let tbs = try TBSCertificate(derEncoded: tbsCertificate)
        guard let listExtension = tbs.extension(SignedCertificateTimestampList.oid) else {
            throw CTError(.missingExtension, "the certificate has no embedded SCT list")
        }
        let list = try SignedCertificateTimestampList(extensionValue: listExtension.value)
        guard policy.allowedCount.contains(list.timestamps.count) else {
            throw CTError(.unexpectedSCTCount, "the certificate embeds \(list.timestamps.count) SCT(s); the policy allows \(policy.allowedCount)")
        }
        let entry = try SignedEntry(precertificateTBS: tbs, issuerTBS: issuerTBSCertificate, removing: SignedCertificateTimestampList.oid)
        var verified: [VerifiedSCT] = []
        var firstFailure: (any Error)?
        for timestamp in list.timestamps {
            do {
                verified.append(try verify(timestamp, for: entry))
            } catch {
                firstFailure = firstFailure ?? error
            }
        }
        guard verified.count >= policy.requiredValid else {
            throw firstFailure
                ?? CTError(.unexpectedSCTCount, "\(verified.count) SCT(s) verified; the policy requires \(policy.requiredValid)")
        }
        return verified
    }

    /// Verifies a detached SCT for `certificate` as an `x509_entry` (an `add-chain` response).
    @discardableResult
    public func verify(_ timestamp: SignedCertificateTimestamp, for certificate: Certificate) throws -> VerifiedSCT {
        try verify(timestamp, for: SignedEntry(certificate: certificate))
    }

    /// Verifies an SCT over `entry`.
    ///
    /// - Throws: ``CTError`` with `.unknownLog` (no trusted log with the SCT's ID is valid at its
    ///   timestamp), `.unsupportedAlgorithm` (not SHA-256, or not ECDSA/RSA) or `.invalidSignature`.
    @discardableResult
    public func verify(_ timestamp: SignedCertificateTimestamp, for entry: SignedEntry) throws -> VerifiedSCT {
        let candidates = trustedLogs.filter { $0.logID == timestamp.logID }
        guard !candidates.isEmpty else {
            throw CTError(.unknownLog, "no trusted CT log has ID \(Self.hex(timestamp.logID))")
        }
        let logs = candidates.filter { $0.isValid(at: timestamp.date) }
        guard !logs.isEmpty else {
            throw CTError(.unknownLog, "CT log \(Self.hex(timestamp.logID)) is not valid at the SCT time \(timestamp.date)")
        }
        guard timestamp.signature.hashAlgorithm == .sha256 else {
            throw CTError(.unsupportedAlgorithm, "SCT hash \(timestamp.signature.hashAlgorithm) is not sha256")
        }
        let signedData = try timestamp.signedData(for: entry)
        let digest = HashAlgorithm.sha256.hash(signedData)
        for log in logs where Self.signatureAlgorithm(for: log.publicKey) == timestamp.signature.signatureAlgorithm {
            if log.publicKey.isValidSignature(timestamp.signature.signature, forDigest: digest, hash: .sha256) {
                return VerifiedSCT(timestamp: timestamp, log: log)
            }
        }
        if ![.ecdsa, .rsa].contains(timestamp.signature.signatureAlgorithm) {
            throw CTError(.unsupportedAlgorithm, "SCT signature algorithm \(timestamp.signature.signatureAlgorithm) is not ecdsa or rsa")
        }
        throw CTError(.invalidSignature, "the SCT signature does not verify with CT log \(Self.hex(timestamp.logID))")
    }

    private static func signatureAlgorithm(for key: PublicKey) -> DigitallySigned.SignatureAlgorithm? {
        switch key.algorithm {
        case .ecdsaP256, .ecdsaP384, .ecdsaP521: .ecdsa
        case .rsa: .rsa
        case .ed25519: nil
        }
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        Hex.encode(bytes)
    }
}
