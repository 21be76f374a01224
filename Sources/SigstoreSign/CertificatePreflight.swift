import Foundation
import SigstoreModels
import SwiftASN1
@_spi(FixedExpiryValidationTime) import X509

/// Checks a fresh certificate against the trusted root *before* anything is signed or logged
/// (interop contract §12 step 2), so a CA the trusted root does not back never leaves an orphan
/// entry in a transparency log. The full verification of the finished bundle still follows.
enum CertificatePreflight {
    /// Passes when `leaf` chains, at the moment it becomes valid, to one of the trusted root's
    /// certificate authorities whose `validFor` covers that moment.
    static func check(_ leaf: Certificate, against trustedRoot: TrustedRoot, caURL: String) async throws {
        let time = leaf.notValidBefore
        var reasons: [String] = []
        for authority in trustedRoot.certificateAuthorities where authority.validFor?.contains(time) ?? true {
            guard let chain = try? (authority.certChain?.certificates ?? []).map({ try Certificate(derEncoded: $0.rawBytes) }),
                  let root = chain.last
            else { continue }
            var verifier = Verifier(rootCertificates: CertificateStore([root])) {
                RFC5280Policy(fixedExpiryValidationTime: time)
                CriticalExtensionsOfFulcioLeaves()
            }
            switch await verifier.validate(leaf: leaf, intermediates: CertificateStore(Array(chain.dropLast()))) {
            case .validCertificate:
                return
            case .couldNotValidate(let failures):
                reasons.append(failures.first.map { "\($0.policyFailureReason)" } ?? "no path to \(authority.uri)")
            }
        }
        let why = reasons.isEmpty ? "the trusted root has no certificate authority valid then" : reasons.joined(separator: "; ")
        throw SigningError(.inconsistentResponse, "the certificate from the CA at \(caURL) does not chain to the trusted root: \(why)")
    }
}

/// Fulcio marks a leaf's subject alternative name (and sometimes ExtKeyUsage) critical; the
/// chain check here only needs to know they are expected. The finished bundle's verification
/// enforces the leaf profile itself.
private struct CriticalExtensionsOfFulcioLeaves: VerifierPolicy {
    let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [
        .X509ExtensionID.subjectAlternativeName,
        .X509ExtensionID.extendedKeyUsage,
    ]

    func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) -> PolicyEvaluationResult {
        .meetsPolicy
    }
}
