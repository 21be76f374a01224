public import X509

extension Certificate.Extensions {
    /// The embedded SCT list, or `nil` when the certificate has none.
    ///
    /// - Throws: ``CTError/Code/malformedEncoding`` when the extension is present but malformed.
    public var signedCertificateTimestampList: SignedCertificateTimestampList? {
        get throws {
            try self[oid: SignedCertificateTimestampList.oid].map(SignedCertificateTimestampList.init)
        }
    }

    /// The CT poison, or `nil` when this is not a precertificate.
    ///
    /// - Throws: ``CTError`` when the extension is present but not critical or not DER NULL.
    public var precertificatePoison: PrecertificatePoison? {
        get throws {
            try self[oid: PrecertificatePoison.oid].map(PrecertificatePoison.init)
        }
    }
}
