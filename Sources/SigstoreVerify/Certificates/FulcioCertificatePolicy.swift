import SwiftASN1
import X509

/// The Fulcio leaf profile (interop contract §2.4, §11.2): a v3 certificate that is not a CA,
/// whose KeyUsage allows digitalSignature and whose ExtKeyUsage includes codeSigning.
///
/// Fulcio marks the subject alternative name critical (the subject is empty), so this policy
/// claims that extension, and ExtKeyUsage, which it enforces on the leaf.
struct FulcioCertificatePolicy: VerifierPolicy {
    let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [
        .X509ExtensionID.subjectAlternativeName,
        .X509ExtensionID.extendedKeyUsage,
    ]

    func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) -> PolicyEvaluationResult {
        if let problem = Self.problem(with: chain.leaf) {
            return .failsToMeetPolicy(reason: problem)
        }
        return .meetsPolicy
    }

    /// Why `leaf` cannot be a Sigstore signing certificate, or `nil` when it can.
    static func problem(with leaf: Certificate) -> String? {
        guard leaf.version == .v3 else {
            return "the signing certificate is not an X.509 v3 certificate"
        }
        switch Result(catching: { try leaf.extensions.basicConstraints }) {
        case .failure: return "the signing certificate's BasicConstraints extension is malformed"
        case .success(.isCertificateAuthority?): return "the signing certificate is a CA certificate"
        case .success: break
        }
        guard let keyUsage = try? leaf.extensions.keyUsage else {
            return "the signing certificate has no (well-formed) KeyUsage extension"
        }
        guard keyUsage.digitalSignature else {
            return "the signing certificate's KeyUsage does not allow digitalSignature"
        }
        guard let usages = try? leaf.extensions.extendedKeyUsage else {
            return "the signing certificate has no (well-formed) ExtKeyUsage extension"
        }
        guard usages.contains(.codeSigning) else {
            return "the signing certificate's ExtKeyUsage does not include codeSigning"
        }
        return nil
    }
}
