public import SwiftASN1

/// A CMS attribute (RFC 5652 §5.3).
///
/// ```
/// Attribute ::= SEQUENCE {
///     attrType    OBJECT IDENTIFIER,
///     attrValues  SET OF AttributeValue }
/// ```
public struct CMSAttribute: DERImplicitlyTaggable, BERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// The attribute type.
    public var attributeType: ASN1ObjectIdentifier
    /// The values, each an encoded element.
    public var values: [ASN1Any]

    /// Creates an attribute from its parts.
    public init(attributeType: ASN1ObjectIdentifier, values: [ASN1Any]) {
        self.attributeType = attributeType
        self.values = values
    }

    /// Creates a single-valued attribute.
    init(_ attributeType: ASN1ObjectIdentifier, value: some DERSerializable) throws {
        self.init(attributeType: attributeType, values: [try ASN1Any(erasing: value)])
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try CMSAttribute(parsing: rootNode, withIdentifier: identifier)
    }

    public init(berEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try CMSAttribute(parsing: rootNode, withIdentifier: identifier)
    }

    private init(parsing rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try BER.sequence(rootNode, identifier: identifier) { nodes in
            let type = try ASN1ObjectIdentifier(berEncoded: &nodes)
            let values = try BER.set(of: ASN1Any.self, identifier: .set, nodes: &nodes)
            return CMSAttribute(attributeType: type, values: values)
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(self.attributeType)
            try coder.serializeSetOf(self.values)
        }
    }
}

extension Array where Element == CMSAttribute {
    /// The single value of the one attribute of `type`; `nil` when absent.
    ///
    /// - Throws: ``TimestampError/Code/invalidSignedAttributes`` when the attribute repeats or is not single-valued,
    ///   as RFC 5652 §11 requires for the attributes this module reads.
    func singleValue(of type: ASN1ObjectIdentifier) throws -> ASN1Any? {
        let matches = self.filter { $0.attributeType == type }
        guard let attribute = matches.first else { return nil }
        guard matches.count == 1, attribute.values.count == 1 else {
            throw TimestampError(.invalidSignedAttributes, "attribute \(type) must occur once with one value")
        }
        return attribute.values[0]
    }
}
