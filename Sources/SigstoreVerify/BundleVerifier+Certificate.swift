import CertificateTransparency
import Foundation
import SwiftASN1
import X509

extension BundleVerifier {
    /// Interop contract §11.8: one SAN equals (or matches) the expected identity, the issuer
    /// extension equals the expected issuer, and each requested extension has exactly the value given.
    static func checkIdentity(_ identity: SigningCertificate, against policy: VerificationPolicy) throws(VerificationError) {
        guard case .identity(let san, let issuer, let extensions) = policy else { return }
        var matched = false
        for name in identity.subjectAlternativeNames where try san.matches(name) {
            matched = true
            break
        }
        guard matched else {
            let names = identity.subjectAlternativeNames.map { String(reflecting: $0) }.joined(separator: ", ")
            throw VerificationError(.identityMismatch, "the certificate identity [\(names)] does not match \(san)")
        }
        guard let certificateIssuer = identity.issuer else {
            throw VerificationError(.identityMismatch, "the certificate names no OIDC issuer")
        }
        guard try issuer.matches(certificateIssuer) else {
            throw VerificationError(.identityMismatch, "the certificate issuer \(String(reflecting: certificateIssuer)) does not match \(issuer)")
        }
        for (fulcioExtension, expected) in extensions.sorted(by: { $0.key.oid.oidComponents.lexicographicallyPrecedes($1.key.oid.oidComponents) }) {
            let actual = identity.value(of: fulcioExtension)
            guard let actual, actual.utf8.elementsEqual(expected.utf8) else {
                let found = actual.map { String(reflecting: $0) } ?? "absent"
                throw VerificationError(.identityMismatch, "the certificate's \(fulcioExtension) is \(found), not \(String(reflecting: expected))")
            }
        }
    }

    static func checkValidity(of identity: SigningCertificate, at time: Date) throws(VerificationError) {
        guard identity.notValidBefore <= time, time <= identity.notValidAfter else {
            throw VerificationError(.untrustedCertificate, "the signing certificate (valid \(identity.notValidBefore) to \(identity.notValidAfter)) was not valid at \(time)")
        }
    }

    /// Interop contract §11.4: at every trusted time the leaf is valid and chains, through the
    /// trusted root's certificates only, to a CA trusted at that time.
    ///
    /// - Returns: The path found at the first time, leaf first.
    func verifyChain(of identity: SigningCertificate, at times: [Date]) async throws(VerificationError) -> [Certificate] {
        if let problem = FulcioCertificatePolicy.problem(with: identity.certificate) {
            throw VerificationError(.untrustedCertificate, problem)
        }
        guard !material.certificateAuthorities.isEmpty else {
            throw VerificationError(.untrustedCertificate, "the trusted root lists no certificate authority")
        }
        var chain: [Certificate]?
        for time in times {
            try Self.checkValidity(of: identity, at: time)
            var firstFailure: VerificationError?
            var path: [Certificate]?
            for authority in material.certificateAuthorities {
                switch await authority.path(from: identity.certificate, at: time) {
                case .success(let found): path = found
                case .failure(let error): firstFailure = firstFailure ?? error
                }
                if path != nil { break }
            }
            guard let path else {
                throw firstFailure ?? VerificationError(.untrustedCertificate, "no trusted CA issued the signing certificate")
            }
            chain = chain ?? path
        }
        return chain ?? []
    }

    /// Interop contract §11.5: exactly one embedded SCT, from a trusted CT log valid at its time.
    func verifySCT(of identity: SigningCertificate) throws(VerificationError) {
        guard identity.chain.count >= 2 else {
            throw VerificationError(.invalidSCT, "the signing certificate has no issuer to bind its SCT to")
        }
        do {
            try material.sctVerifier.verifyEmbeddedSCTs(in: identity.certificate, issuer: identity.chain[1], policy: .sigstore)
        } catch {
            throw VerificationError(.invalidSCT, "the certificate's SCT does not verify: \(error)")
        }
    }
}
