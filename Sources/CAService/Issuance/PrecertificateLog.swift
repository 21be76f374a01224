public import CertificateTransparency
public import X509

/// Where the CA sends precertificates for SCTs: an RFC 6962 CT log's `add-pre-chain`.
///
/// The seam lets the CA run against a remote log (``HTTPPrecertificateLog``) or an in-process one.
public protocol PrecertificateLog: Sendable {
    /// Submits `[precertificate, issuing CA, …, root]` and returns the log's SCT for it.
    func submit(precertificateChain: [Certificate]) async throws -> SignedCertificateTimestamp
}
