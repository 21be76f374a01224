public import Foundation
public import SwiftASN1
public import X509

/// The embedded SCT list (RFC 6962 §3.3): the non-critical extension `1.3.6.1.4.1.11129.2.4.2`
/// whose value is a DER OCTET STRING wrapping the TLS list
/// `u16 list_length ‖ (u16 sct_length ‖ SerializedSCT)+`.
///
/// Sigstore CAs embed exactly one SCT and place this extension last (interop contract §2.4, §3.3).
public struct SignedCertificateTimestampList: Sendable, Hashable, CertificateExtensionConvertible {
    /// `1.3.6.1.4.1.11129.2.4.2`.
    public static let oid: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 11129, 2, 4, 2]

    /// The SCTs, in list order; never empty.
    public let timestamps: [SignedCertificateTimestamp]

    /// Creates a list.
    ///
    /// - Throws: ``CTError/Code/malformedEncoding`` for an empty list (RFC 6962 requires at least
    ///   one SCT) or one whose encoding exceeds the 65 535-byte TLS length.
    public init(_ timestamps: [SignedCertificateTimestamp]) throws {
        guard !timestamps.isEmpty else {
            throw CTError(.malformedEncoding, "an SCT list holds at least one SCT")
        }
        let encodedLength = timestamps.reduce(0) { $0 + 2 + $1.tlsEncoded.count }
        guard TLSWriter.fits(encodedLength, lengthBytes: 2) else {
            throw CTError(.malformedEncoding, "an SCT list is at most 65535 bytes, got \(encodedLength)")
        }
        self.timestamps = timestamps
    }

    /// Parses the TLS list exactly: no empty list, empty SCT, truncation or trailing bytes.
    public init(tlsEncoded bytes: some DataProtocol) throws {
        var outer = TLSReader(Array(bytes), structure: "SCT list")
        var list = TLSReader(try outer.readVector(lengthBytes: 2, minimum: 1, "list"), structure: "SCT list")
        try outer.finish()
        var timestamps: [SignedCertificateTimestamp] = []
        while !list.isAtEnd {
            let serialized = try list.readVector(lengthBytes: 2, minimum: 1, "SCT \(timestamps.count)")
            timestamps.append(try SignedCertificateTimestamp(tlsEncoded: serialized))
        }
        try self.init(timestamps)
    }

    /// Parses the extension.
    ///
    /// - Throws: ``CTError/Code/missingExtension`` for another OID, ``CTError/Code/malformedEncoding``
    ///   when the value is not a DER OCTET STRING holding a valid list.
    public init(_ extension: Certificate.Extension) throws {
        guard `extension`.oid == Self.oid else {
            throw CTError(.missingExtension, "extension \(`extension`.oid) is not the SCT list \(Self.oid)")
        }
        try self.init(extensionValue: `extension`.value)
    }

    init(extensionValue: ArraySlice<UInt8>) throws {
        let octets: ASN1OctetString
        do {
            octets = try ASN1OctetString(derEncoded: extensionValue)
        } catch {
            throw CTError(.malformedEncoding, "the SCT list extension value is not a DER OCTET STRING: \(error)")
        }
        try self.init(tlsEncoded: octets.bytes)
    }

    /// The TLS list.
    public var tlsEncoded: [UInt8] {
        var list = TLSWriter()
        for timestamp in timestamps {
            list.appendVector(timestamp.tlsEncoded, lengthBytes: 2)
        }
        var writer = TLSWriter()
        writer.appendVector(list.bytes, lengthBytes: 2)
        return writer.bytes
    }

    /// The non-critical extension whose value is the DER OCTET STRING of ``tlsEncoded``.
    public func makeCertificateExtension() throws -> Certificate.Extension {
        var serializer = DER.Serializer()
        try serializer.serialize(ASN1OctetString(contentBytes: tlsEncoded[...]))
        return Certificate.Extension(oid: Self.oid, critical: false, value: serializer.serializedBytes[...])
    }
}
