public import SwiftASN1
public import X509

/// Identifies a certificate by its issuer and serial number (RFC 5652 §10.2.4).
///
/// ```
/// IssuerAndSerialNumber ::= SEQUENCE {
///     issuer        Name,
///     serialNumber  CertificateSerialNumber }
/// ```
public struct IssuerAndSerialNumber: DERImplicitlyTaggable, BERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// The certificate issuer's name.
    public var issuer: DistinguishedName
    /// The certificate's serial number.
    public var serialNumber: Certificate.SerialNumber

    /// Creates an identifier from its parts.
    public init(issuer: DistinguishedName, serialNumber: Certificate.SerialNumber) {
        self.issuer = issuer
        self.serialNumber = serialNumber
    }

    /// Identifies `certificate`.
    public init(_ certificate: Certificate) {
        self.init(issuer: certificate.issuer, serialNumber: certificate.serialNumber)
    }

    /// Whether this identifies `certificate`.
    public func matches(_ certificate: Certificate) -> Bool {
        self.issuer == certificate.issuer && self.serialNumber == certificate.serialNumber
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try IssuerAndSerialNumber(parsing: rootNode, withIdentifier: identifier)
    }

    public init(berEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try IssuerAndSerialNumber(parsing: rootNode, withIdentifier: identifier)
    }

    private init(parsing rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try BER.sequence(rootNode, identifier: identifier) { nodes in
            guard let issuerNode = nodes.next() else {
                throw ASN1Error.invalidASN1Object(reason: "IssuerAndSerialNumber lacks issuer")
            }
            let issuer = try DistinguishedName(derEncoded: issuerNode)
            let serial = try ArraySlice<UInt8>(berEncoded: &nodes)
            return IssuerAndSerialNumber(issuer: issuer, serialNumber: Certificate.SerialNumber(bytes: serial))
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(self.issuer)
            try coder.serialize(self.serialNumber.bytes)
        }
    }
}
