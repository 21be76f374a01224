import Crypto
public import SwiftASN1
public import X509

/// The version 1 certificate identifier (RFC 2634 §5.4.1), a SHA-1 hash, which OpenSSL emits by default.
///
/// ```
/// ESSCertID ::= SEQUENCE {
///     certHash      Hash,  -- SHA-1
///     issuerSerial  IssuerSerial OPTIONAL }
/// ```
///
/// SHA-1 is acceptable here because the identifier only selects among certificates the verifier already trusts.
public struct ESSCertID: DERImplicitlyTaggable, BERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// The SHA-1 hash of the certificate's DER encoding.
    public var certificateHash: [UInt8]
    /// The certificate's issuer and serial number, if given.
    public var issuerSerial: IssuerSerial?

    /// Creates an identifier from its parts.
    public init(certificateHash: [UInt8], issuerSerial: IssuerSerial?) {
        self.certificateHash = certificateHash
        self.issuerSerial = issuerSerial
    }

    /// Whether this identifies `certificate`.
    public func matches(_ certificate: Certificate) throws -> Bool {
        guard Array(Insecure.SHA1.hash(data: try certificate.derBytes())) == self.certificateHash else { return false }
        return self.issuerSerial?.matches(certificate) ?? true
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try ESSCertID(parsing: rootNode, withIdentifier: identifier)
    }

    public init(berEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try ESSCertID(parsing: rootNode, withIdentifier: identifier)
    }

    private init(parsing rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try BER.sequence(rootNode, identifier: identifier) { nodes in
            let hash = try ASN1OctetString(berEncoded: &nodes)
            let issuerSerial = try BER.optionalImplicitlyTagged(&nodes, tagNumber: 16, tagClass: .universal) {
                try IssuerSerial(berEncoded: $0)
            }
            return ESSCertID(certificateHash: Array(hash.bytes), issuerSerial: issuerSerial)
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(ASN1OctetString(contentBytes: self.certificateHash[...]))
            try coder.serializeOptionalImplicitlyTagged(self.issuerSerial)
        }
    }
}
