import SwiftASN1
import X509

/// Requires the RFC 3161 §2.3 TSA leaf profile: ExtKeyUsage present, critical, with timeStamping as its only
/// purpose, and KeyUsage (when present) allowing digitalSignature or nonRepudiation — what OpenSSL's timestampsign
/// purpose and rfc3161-client check.
struct TimeStampingCertificatePolicy: VerifierPolicy {
    // Claiming ExtKeyUsage lets chains whose certificates mark it critical be built at all.
    let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [.X509ExtensionID.extendedKeyUsage]

    func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) -> PolicyEvaluationResult {
        if let problem = TimeStampingCertificatePolicy.problem(with: chain.leaf) {
            return .failsToMeetPolicy(reason: problem)
        }
        return .meetsPolicy
    }

    /// Why `leaf` cannot sign time-stamp tokens, or `nil` when it can.
    static func problem(with leaf: Certificate) -> String? {
        guard let ekuExtension = leaf.extensions[oid: .X509ExtensionID.extendedKeyUsage] else {
            return "the TSA leaf has no ExtKeyUsage extension"
        }
        guard ekuExtension.critical else {
            return "the TSA leaf's ExtKeyUsage extension is not critical"
        }
        guard let usages = try? ExtendedKeyUsage(ekuExtension), Array(usages) == [.timeStamping] else {
            return "the TSA leaf's ExtKeyUsage must be timeStamping alone"
        }
        if let keyUsageExtension = leaf.extensions[oid: .X509ExtensionID.keyUsage] {
            guard let keyUsage = try? KeyUsage(keyUsageExtension), keyUsage.digitalSignature || keyUsage.nonRepudiation else {
                return "the TSA leaf's KeyUsage allows neither digitalSignature nor nonRepudiation"
            }
        }
        return nil
    }
}
