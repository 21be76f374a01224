public import SwiftASN1
public import X509

/// Names the certificate whose key made a CMS signature (RFC 5652 §5.3).
///
/// ```
/// SignerIdentifier ::= CHOICE {
///     issuerAndSerialNumber  IssuerAndSerialNumber,
///     subjectKeyIdentifier   [0] SubjectKeyIdentifier }
/// ```
public enum SignerIdentifier: DERParseable, BERParseable, DERSerializable, BERSerializable, Hashable, Sendable {
    /// By issuer name and serial number (SignerInfo version 1).
    case issuerAndSerialNumber(IssuerAndSerialNumber)
    /// By the certificate's subject key identifier (SignerInfo version 3).
    case subjectKeyIdentifier([UInt8])

    private static let subjectKeyIdentifierTag = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)

    /// Whether this names `certificate`.
    ///
    /// A subject key identifier matches the certificate's SKI extension, or, when it has none, the SHA-1 of its key.
    public func matches(_ certificate: Certificate) -> Bool {
        switch self {
        case .issuerAndSerialNumber(let identifier):
            return identifier.matches(certificate)
        case .subjectKeyIdentifier(let keyIdentifier):
            if let extensionValue = try? certificate.extensions.subjectKeyIdentifier {
                return Array(extensionValue.keyIdentifier) == keyIdentifier
            }
            return Array(SubjectKeyIdentifier(hash: certificate.publicKey).keyIdentifier) == keyIdentifier
        }
    }

    public init(derEncoded node: ASN1Node) throws {
        self = try SignerIdentifier(parsing: node)
    }

    public init(berEncoded node: ASN1Node) throws {
        self = try SignerIdentifier(parsing: node)
    }

    private init(parsing node: ASN1Node) throws {
        switch node.identifier {
        case IssuerAndSerialNumber.defaultIdentifier:
            self = .issuerAndSerialNumber(try IssuerAndSerialNumber(berEncoded: node))
        case SignerIdentifier.subjectKeyIdentifierTag:
            let octets = try ASN1OctetString(berEncoded: node, withIdentifier: SignerIdentifier.subjectKeyIdentifierTag)
            self = .subjectKeyIdentifier(Array(octets.bytes))
        default:
            throw ASN1Error.unexpectedFieldType(node.identifier)
        }
    }

    public func serialize(into coder: inout DER.Serializer) throws {
        switch self {
        case .issuerAndSerialNumber(let identifier):
            try coder.serialize(identifier)
        case .subjectKeyIdentifier(let keyIdentifier):
            try ASN1OctetString(contentBytes: keyIdentifier[...])
                .serialize(into: &coder, withIdentifier: SignerIdentifier.subjectKeyIdentifierTag)
        }
    }
}
