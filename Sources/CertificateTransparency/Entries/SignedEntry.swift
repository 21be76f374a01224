public import X509
import SigstoreCrypto
import SwiftASN1

/// What an SCT signs (RFC 6962 §3.2 `signed_entry`): a whole certificate (`x509_entry`) or the
/// TBS part of a precertificate bound to its issuer's key (`precert_entry`).
public enum SignedEntry: Sendable, Hashable {
    /// `x509_entry`: a DER certificate, as submitted to `add-chain`.
    case x509(certificate: [UInt8])
    /// `precert_entry`: SHA-256 of the issuer's DER SubjectPublicKeyInfo and the DER
    /// TBSCertificate without the poison (or, rebuilt from a final certificate, without the SCT list).
    case precertificate(issuerKeyHash: [UInt8], tbsCertificate: [UInt8])

    /// The RFC 6962 `LogEntryType` code: 0 for `x509_entry`, 1 for `precert_entry`.
    public var entryType: UInt16 {
        switch self {
        case .x509: 0
        case .precertificate: 1
        }
    }

    /// The `x509_entry` for a certificate, as a log signs it for `add-chain`.
    public init(certificate: Certificate) throws {
        var serializer = DER.Serializer()
        do {
            try serializer.serialize(certificate)
        } catch {
            throw CTError(.malformedEncoding, "cannot encode certificate: \(error)")
        }
        self = try Self.validated(.x509(certificate: serializer.serializedBytes))
    }

    /// The `precert_entry` a log signs for `add-pre-chain`: the precertificate's TBS with the
    /// critical poison removed, bound to `issuer`'s key.
    ///
    /// - Parameters:
    ///   - precertificate: A certificate carrying the ``PrecertificatePoison``.
    ///   - issuer: The CA that signed it and will sign the final certificate. (Precertificates
    ///     signed by a separate precertificate-signing certificate are not supported; Sigstore
    ///     does not use them.)
    /// - Throws: ``CTError/Code/missingExtension`` without a valid poison.
    public init(precertificate: Certificate, issuer: Certificate) throws {
        try self.init(
            precertificateTBS: precertificate.tbsCertificateBytes,
            issuerTBS: issuer.tbsCertificateBytes,
            removing: PrecertificatePoison.oid
        )
    }

    /// The `precert_entry` an embedded SCT signs, rebuilt from the final certificate: its TBS
    /// with the SCT list extension removed, bound to `issuer`'s key.
    ///
    /// - Throws: ``CTError/Code/missingExtension`` when `certificate` has no SCT list.
    public init(finalCertificate certificate: Certificate, issuer: Certificate) throws {
        try self.init(
            precertificateTBS: certificate.tbsCertificateBytes,
            issuerTBS: issuer.tbsCertificateBytes,
            removing: SignedCertificateTimestampList.oid
        )
    }

    /// Builds a `precert_entry` from raw DER, so that certificates swift-certificates cannot
    /// parse (such as the RSA-1024 RFC 6962 test vectors) work too.
    init(precertificateTBS: ArraySlice<UInt8>, issuerTBS: ArraySlice<UInt8>, removing oid: ASN1ObjectIdentifier) throws {
        try self.init(precertificateTBS: TBSCertificate(derEncoded: precertificateTBS), issuerTBS: issuerTBS, removing: oid)
    }

    init(precertificateTBS tbs: TBSCertificate, issuerTBS: ArraySlice<UInt8>, removing oid: ASN1ObjectIdentifier) throws {
        if oid == PrecertificatePoison.oid {
            guard let poison = tbs.extension(oid) else {
                throw CTError(.missingExtension, "a precertificate must carry the CT poison extension \(oid)")
            }
            try PrecertificatePoison.validate(critical: poison.critical, value: poison.value)
        }
        self = try Self.validated(
            .precertificate(issuerKeyHash: IssuerKeyHashes.hash(ofIssuerTBS: issuerTBS), tbsCertificate: tbs.removingExtension(oid))
        )
    }

    /// Checks the lengths RFC 6962 allows: `ASN.1Cert` and `TBSCertificate` are `<1..2^24-1>`,
    /// `issuer_key_hash` is 32 bytes.
    static func validated(_ entry: SignedEntry) throws -> SignedEntry {
        switch entry {
        case .x509(let certificate):
            guard !certificate.isEmpty, TLSWriter.fits(certificate.count, lengthBytes: 3) else {
                throw CTError(.malformedEncoding, "an x509_entry certificate is 1…16777215 bytes, got \(certificate.count)")
            }
        case .precertificate(let issuerKeyHash, let tbsCertificate):
            guard issuerKeyHash.count == 32 else {
                throw CTError(.malformedEncoding, "issuer_key_hash is 32 bytes, got \(issuerKeyHash.count)")
            }
            guard !tbsCertificate.isEmpty, TLSWriter.fits(tbsCertificate.count, lengthBytes: 3) else {
                throw CTError(.malformedEncoding, "a precert TBSCertificate is 1…16777215 bytes, got \(tbsCertificate.count)")
            }
        }
        return entry
    }

    /// Appends `entry_type ‖ signed_entry`, the part shared by the signed data and the Merkle leaf.
    func write(to writer: inout TLSWriter) {
        writer.append(uint16: Int(entryType))
        switch self {
        case .x509(let certificate):
            writer.appendVector(certificate, lengthBytes: 3)
        case .precertificate(let issuerKeyHash, let tbsCertificate):
            writer.append(bytes: issuerKeyHash)
            writer.appendVector(tbsCertificate, lengthBytes: 3)
        }
    }
}
