public import SwiftASN1

/// The signed content inside ``SignedData`` (RFC 5652 §5.2).
///
/// ```
/// EncapsulatedContentInfo ::= SEQUENCE {
///     eContentType  ContentType,
///     eContent      [0] EXPLICIT OCTET STRING OPTIONAL }
/// ```
public struct EncapsulatedContentInfo: DERImplicitlyTaggable, BERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// The type of ``eContent`` (`id-ct-TSTInfo` for time-stamp tokens).
    public var eContentType: ASN1ObjectIdentifier
    /// The content octets (constructed BER OCTET STRINGs are flattened), absent for detached signatures.
    public var eContent: [UInt8]?

    /// Creates an EncapsulatedContentInfo from its parts.
    public init(eContentType: ASN1ObjectIdentifier, eContent: [UInt8]?) {
        self.eContentType = eContentType
        self.eContent = eContent
    }

    private static let contentTag = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try EncapsulatedContentInfo(parsing: rootNode, withIdentifier: identifier)
    }

    public init(berEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try EncapsulatedContentInfo(parsing: rootNode, withIdentifier: identifier)
    }

    private init(parsing rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try BER.sequence(rootNode, identifier: identifier) { nodes in
            let type = try ASN1ObjectIdentifier(berEncoded: &nodes)
            let content = try BER.optionalExplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) {
                Array(try ASN1OctetString(berEncoded: $0).bytes)
            }
            return EncapsulatedContentInfo(eContentType: type, eContent: content)
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(self.eContentType)
            if let eContent = self.eContent {
                try coder.serialize(
                    ASN1OctetString(contentBytes: eContent[...]),
                    explicitlyTaggedWithIdentifier: EncapsulatedContentInfo.contentTag
                )
            }
        }
    }
}
