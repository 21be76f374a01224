import CertificateTransparency
public import X509

/// The root certificates a log accepts chains to (RFC 6962 §3.1), and the chain check itself.
public struct AcceptedRoots: Sendable {
    /// The roots, as `get-roots` lists them.
    public let certificates: [Certificate]
    /// Links between CA certificates already verified (the submitted certificate's own
    /// signature is checked on every submission).
    private let verifiedLinks = VerifiedLinks()

    /// - Throws: ``CTLogError/Code/internalFailure`` for an empty list: such a log accepts nothing.
    public init(_ certificates: [Certificate]) throws {
        guard !certificates.isEmpty else {
            throw CTLogError(.internalFailure, "a CT log needs at least one accepted root")
        }
        self.certificates = certificates
    }

    /// The submitted chain completed to an accepted root: every certificate is signed by the
    /// next, every issuer is a CA, and the last one is an accepted root or is signed by one
    /// (which is then appended, as RFC 6962 allows submitters to leave the root out).
    ///
    /// - Throws: ``CTLogError/Code/invalidSubmission``.
    func path(completing chain: [Certificate]) throws -> [Certificate] {
        guard !chain.isEmpty else {
            throw CTLogError(.invalidSubmission, "the chain is empty")
        }
        for (position, (subject, issuer)) in zip(chain, chain.dropFirst()).enumerated() {
            if position > 0, verifiedLinks.contains(subject, signedBy: issuer) { continue }
            try Self.check(subject, isSignedBy: issuer)
            if position > 0 { verifiedLinks.insert(subject, signedBy: issuer) }
        }
        let last = chain[chain.count - 1]
        if chain.count > 1, certificates.contains(last) {
            return chain
        }
        if let root = certificates.first(where: { $0.subject == last.issuer && $0.publicKey.isValidSignature(last.signature, for: last) }),
           root != last
        {
            try Self.check(last, isSignedBy: root)
            return chain + [root]
        }
        if certificates.contains(last) {
            throw CTLogError(.invalidSubmission, "the chain holds only an accepted root, not a certificate to log")
        }
        throw CTLogError(.invalidSubmission, "the chain does not end at, or chain to, an accepted root")
    }

    private static func check(_ subject: Certificate, isSignedBy issuer: Certificate) throws {
        guard subject.issuer == issuer.subject, issuer.publicKey.isValidSignature(subject.signature, for: subject) else {
            throw CTLogError(.invalidSubmission, "\(subject.subject) is not signed by the next certificate in the chain, \(issuer.subject)")
        }
        guard case .isCertificateAuthority = try? issuer.extensions.basicConstraints else {
            throw CTLogError(.invalidSubmission, "\(issuer.subject) issues a certificate in the chain but is not a CA")
        }
    }
}
