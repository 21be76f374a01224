import Foundation
import SwiftASN1
import SigstoreModels
@_spi(FixedExpiryValidationTime) import X509

/// A trusted root `certificateAuthorities[]` entry, parsed once: the trust anchor (the last
/// certificate), the intermediates before it, and the period the whole chain may be trusted.
struct TrustedCertificateAuthority: Sendable {
    let root: Certificate
    let intermediates: [Certificate]
    let validFor: TimeRange?
    let name: String

    init(_ authority: TrustedRoot.CertificateAuthority, index: Int) throws(VerificationError) {
        let label = "certificateAuthorities[\(index)]"
        let der = authority.certChain?.certificates ?? []
        var certificates: [Certificate] = []
        for (position, certificate) in der.enumerated() {
            do {
                certificates.append(try Certificate(derEncoded: certificate.rawBytes))
            } catch {
                throw VerificationError(.invalidTrustedRoot, "\(label).certChain.certificates[\(position)] is not a DER certificate: \(error)")
            }
        }
        guard let root = certificates.last else {
            throw VerificationError(.invalidTrustedRoot, "\(label) has no certificates")
        }
        try TrustedRootReader.checkOrder(of: authority.validFor, at: label)
        self.root = root
        self.intermediates = Array(certificates.dropLast())
        self.validFor = authority.validFor
        self.name = authority.uri.isEmpty ? label : authority.uri
    }

    /// The path from `leaf` to this CA's anchor when every certificate on it is valid at `time`
    /// (inclusive), `time` lies in the CA's `validFor`, and the leaf has the Fulcio profile.
    func path(from leaf: Certificate, at time: Date) async -> Result<[Certificate], VerificationError> {
        guard validFor?.covers(time) ?? true else {
            return .failure(VerificationError(.untrustedCertificate, "\(name) is not trusted at \(time) (outside its validFor)"))
        }
        var verifier = Verifier(rootCertificates: CertificateStore([root])) {
            RFC5280Policy(fixedExpiryValidationTime: time)
            FulcioCertificatePolicy()
        }
        switch await verifier.validate(leaf: leaf, intermediates: CertificateStore(intermediates)) {
        case .validCertificate(let chain):
            return .success(Array(chain))
        case .couldNotValidate(let failures):
            let reason = failures.first.map { "\($0.policyFailureReason)" } ?? "no path to its root"
            return .failure(VerificationError(.untrustedCertificate, "the signing certificate does not chain to \(name) at \(time): \(reason)"))
        }
    }
}
