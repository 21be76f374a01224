public import SwiftASN1
public import X509

/// A certificate's issuer (as GeneralNames) and serial number (RFC 5035 §5.4.1).
///
/// ```
/// IssuerSerial ::= SEQUENCE {
///     issuer        GeneralNames,
///     serialNumber  CertificateSerialNumber }
/// ```
public struct IssuerSerial: DERImplicitlyTaggable, BERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// The issuer's names; for certificates, one `directoryName`.
    public var issuer: [GeneralName]
    /// The certificate's serial number.
    public var serialNumber: Certificate.SerialNumber

    /// Creates an IssuerSerial from its parts.
    public init(issuer: [GeneralName], serialNumber: Certificate.SerialNumber) {
        self.issuer = issuer
        self.serialNumber = serialNumber
    }

    /// Names `certificate`'s issuer as a directoryName, with its serial.
    public init(_ certificate: Certificate) {
        self.init(issuer: [.directoryName(certificate.issuer)], serialNumber: certificate.serialNumber)
    }

    /// Whether this names `certificate` (its issuer must be among the directory names).
    public func matches(_ certificate: Certificate) -> Bool {
        self.serialNumber == certificate.serialNumber && self.issuer.contains(.directoryName(certificate.issuer))
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try IssuerSerial(parsing: rootNode, withIdentifier: identifier)
    }

    public init(berEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try IssuerSerial(parsing: rootNode, withIdentifier: identifier)
    }

    private init(parsing rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try BER.sequence(rootNode, identifier: identifier) { nodes in
            guard let namesNode = nodes.next(), namesNode.identifier == .sequence,
                case .constructed(let children) = namesNode.content
            else {
                throw ASN1Error.invalidASN1Object(reason: "IssuerSerial lacks GeneralNames")
            }
            let names = try children.map { try GeneralName(derEncoded: $0) }
            let serial = try ArraySlice<UInt8>(berEncoded: &nodes)
            return IssuerSerial(issuer: names, serialNumber: Certificate.SerialNumber(bytes: serial))
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serializeSequenceOf(self.issuer)
            try coder.serialize(self.serialNumber.bytes)
        }
    }
}
