import CertificateTransparency
import Foundation
import RFC3161
import SigstoreModels
import SwiftASN1
import X509

/// Everything a trusted root says, parsed once into the verifiers each check needs.
struct TrustedMaterial: Sendable {
    /// Transparency logs by `logId.keyId`.
    let logs: [[UInt8]: [TrustedLog]]
    let certificateAuthorities: [TrustedCertificateAuthority]
    let sctVerifier: SCTVerifier
    let timestampVerifier: TimestampVerifier

    init(_ root: TrustedRoot) throws(VerificationError) {
        var logs: [[UInt8]: [TrustedLog]] = [:]
        for (index, instance) in root.tlogs.enumerated() {
            let log = try TrustedLog(instance, index: index)
            logs[log.logID, default: []].append(log)
        }
        self.logs = logs
        self.certificateAuthorities = try root.certificateAuthorities.enumerated().map { index, authority throws(VerificationError) in
            try TrustedCertificateAuthority(authority, index: index)
        }
        self.sctVerifier = SCTVerifier(trustedLogs: try root.ctlogs.enumerated().map { index, instance throws(VerificationError) in
            try Self.ctLog(instance, index: index)
        })
        self.timestampVerifier = TimestampVerifier(trustedAuthorities: try root.timestampAuthorities.enumerated().map {
            index, authority throws(VerificationError) in try Self.timestampAuthority(authority, index: index)
        })
    }

    private static func ctLog(_ instance: TransparencyLogInstance, index: Int) throws(VerificationError) -> TrustedCTLog {
        let label = "ctlogs[\(index)]"
        let key = try TrustedRootReader.publicKey(instance.publicKey, at: label)
        let validFor = instance.publicKey?.validFor
        try TrustedRootReader.checkOrder(of: validFor, at: label + ".publicKey")
        do {
            return try TrustedCTLog(
                publicKey: key, logID: instance.logId?.keyId, validFrom: validFor?.start?.date, validUntil: validFor?.end?.date,
                name: instance.baseUrl.isEmpty ? label : instance.baseUrl)
        } catch {
            throw VerificationError(.invalidTrustedRoot, "\(label) is unusable: \(error)")
        }
    }

    private static func timestampAuthority(_ authority: TrustedRoot.CertificateAuthority, index: Int) throws(VerificationError)
        -> TrustedTimestampAuthority
    {
        let label = "timestampAuthorities[\(index)]"
        do {
            let chain = try (authority.certChain?.certificates ?? []).map { try Certificate(derEncoded: $0.rawBytes) }
            try TrustedRootReader.checkOrder(of: authority.validFor, at: label)
            return try TrustedTimestampAuthority(
                certificateChain: chain, validFrom: authority.validFor?.start?.date ?? .distantPast,
                validUntil: authority.validFor?.end?.date, name: authority.uri.isEmpty ? label : authority.uri)
        } catch let error as VerificationError {
            throw error
        } catch {
            throw VerificationError(.invalidTrustedRoot, "\(label) is unusable: \(error)")
        }
    }
}
