public import SwiftASN1

/// The version 1 `signingCertificate` signed attribute (RFC 2634 §5.4), as OpenSSL's `ts` emits by default.
///
/// ```
/// SigningCertificate ::= SEQUENCE {
///     certs     SEQUENCE OF ESSCertID,
///     policies  SEQUENCE OF PolicyInformation OPTIONAL }
/// ```
public struct SigningCertificate: DERImplicitlyTaggable, BERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// The identified certificates; the first is the signer's.
    public var certificates: [ESSCertID]
    /// Certificate policies, kept opaque.
    public var policies: [ASN1Any]?

    /// Creates the attribute value from its parts.
    public init(certificates: [ESSCertID], policies: [ASN1Any]? = nil) {
        self.certificates = certificates
        self.policies = policies
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try SigningCertificate(parsing: rootNode, withIdentifier: identifier)
    }

    public init(berEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try SigningCertificate(parsing: rootNode, withIdentifier: identifier)
    }

    private init(parsing rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try BER.sequence(rootNode, identifier: identifier) { nodes in
            let certificates = try BER.sequence(of: ESSCertID.self, identifier: .sequence, nodes: &nodes)
            let policies = try BER.optionalImplicitlyTagged(&nodes, tagNumber: 16, tagClass: .universal) {
                try BER.sequence(of: ASN1Any.self, identifier: .sequence, rootNode: $0)
            }
            guard !certificates.isEmpty else {
                throw ASN1Error.invalidASN1Object(reason: "SigningCertificate names no certificate")
            }
            return SigningCertificate(certificates: certificates, policies: policies)
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serializeSequenceOf(self.certificates)
            if let policies = self.policies {
                try coder.serializeSequenceOf(policies)
            }
        }
    }
}
