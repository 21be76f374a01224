public import SwiftASN1
public import X509

/// The CT precertificate poison (RFC 6962 §3.1): a **critical** extension
/// `1.3.6.1.4.1.11129.2.4.3` whose value is DER NULL, so that no relying party accepts a
/// precertificate as a certificate.
///
/// A CA appends it last to the precertificate's extensions and replaces it, in the same
/// position, with the ``SignedCertificateTimestampList`` in the final certificate.
public struct PrecertificatePoison: Sendable, Hashable, CertificateExtensionConvertible {
    /// `1.3.6.1.4.1.11129.2.4.3`.
    public static let oid: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 11129, 2, 4, 3]

    /// The only valid `extnValue`: DER NULL.
    static let value: [UInt8] = [0x05, 0x00]

    /// The poison.
    public init() {}

    /// Checks that `extension` is a valid poison.
    ///
    /// - Throws: ``CTError/Code/missingExtension`` for another OID or a non-critical poison,
    ///   ``CTError/Code/malformedEncoding`` when the value is not DER NULL.
    public init(_ extension: Certificate.Extension) throws {
        guard `extension`.oid == Self.oid else {
            throw CTError(.missingExtension, "extension \(`extension`.oid) is not the CT poison \(Self.oid)")
        }
        try Self.validate(critical: `extension`.critical, value: `extension`.value)
    }

    static func validate(critical: Bool, value: ArraySlice<UInt8>) throws {
        guard critical else {
            throw CTError(.missingExtension, "the CT poison extension must be critical")
        }
        guard value.elementsEqual(Self.value) else {
            throw CTError(.malformedEncoding, "the CT poison extension's value must be DER NULL (05 00)")
        }
    }

    /// The critical extension with a DER NULL value.
    public func makeCertificateExtension() -> Certificate.Extension {
        Certificate.Extension(oid: Self.oid, critical: true, value: Self.value[...])
    }
}
