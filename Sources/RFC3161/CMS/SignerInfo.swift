public import SwiftASN1

/// One signer's signature over a CMS content (RFC 5652 §5.3).
///
/// ```
/// SignerInfo ::= SEQUENCE {
///     version             CMSVersion,
///     sid                 SignerIdentifier,
///     digestAlgorithm     DigestAlgorithmIdentifier,
///     signedAttrs         [0] IMPLICIT SignedAttributes OPTIONAL,
///     signatureAlgorithm  SignatureAlgorithmIdentifier,
///     signature           SignatureValue,
///     unsignedAttrs       [1] IMPLICIT UnsignedAttributes OPTIONAL }
/// ```
public struct SignerInfo: DERImplicitlyTaggable, BERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// 1 when ``signerIdentifier`` is issuer-and-serial, 3 when it is a subject key identifier.
    public var version: Int
    /// The signer's certificate.
    public var signerIdentifier: SignerIdentifier
    /// The digest algorithm for the content and the signed attributes.
    public var digestAlgorithm: AlgorithmIdentifier
    /// The signed attributes, if any (set through the initializer so ``signedAttributesBytes`` stays in step).
    public private(set) var signedAttributes: [CMSAttribute]?
    /// The signature algorithm.
    public var signatureAlgorithm: AlgorithmIdentifier
    /// The signature value.
    public var signature: [UInt8]
    /// The unsigned attributes, if any.
    public var unsignedAttributes: [CMSAttribute]?

    /// The exact bytes the signature covers: the signed attributes as a DER `SET OF` (RFC 5652 §5.4).
    ///
    /// For parsed input these are the received attribute elements in received order, re-tagged as SET, so a
    /// signer that did not sort them still verifies; BER lengths are normalised to definite form.
    public private(set) var signedAttributesBytes: [UInt8]?

    /// Creates a SignerInfo; ``signedAttributesBytes`` is computed from `signedAttributes` (DER-sorted).
    public init(
        signerIdentifier: SignerIdentifier,
        digestAlgorithm: AlgorithmIdentifier,
        signedAttributes: [CMSAttribute]?,
        signatureAlgorithm: AlgorithmIdentifier,
        signature: [UInt8],
        unsignedAttributes: [CMSAttribute]? = nil
    ) throws {
        if case .subjectKeyIdentifier = signerIdentifier {
            self.version = 3
        } else {
            self.version = 1
        }
        self.signerIdentifier = signerIdentifier
        self.digestAlgorithm = digestAlgorithm
        self.signedAttributes = signedAttributes
        self.signatureAlgorithm = signatureAlgorithm
        self.signature = signature
        self.unsignedAttributes = unsignedAttributes
        self.signedAttributesBytes = try signedAttributes.map { try SignerInfo.signedAttributesDER($0) }
    }

    /// The DER `SET OF Attribute` a signer signs.
    static func signedAttributesDER(_ attributes: [CMSAttribute]) throws -> [UInt8] {
        var coder = DER.Serializer()
        try coder.serializeSetOf(attributes, identifier: .set)
        return coder.serializedBytes
    }

    private static let signedAttributesTag = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
    private static let unsignedAttributesTag = ASN1Identifier(tagWithNumber: 1, tagClass: .contextSpecific)

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try SignerInfo(parsing: rootNode, withIdentifier: identifier)
    }

    public init(berEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try SignerInfo(parsing: rootNode, withIdentifier: identifier)
    }

    private init(parsing rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try BER.sequence(rootNode, identifier: identifier) { nodes in
            let version = try Int(berEncoded: &nodes)
            guard let sidNode = nodes.next() else {
                throw ASN1Error.invalidASN1Object(reason: "SignerInfo lacks sid")
            }
            let sid = try SignerIdentifier(berEncoded: sidNode)
            let digestAlgorithm = try AlgorithmIdentifier(berEncoded: &nodes)
            let signed = try BER.optionalImplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) { node in
                (try BER.set(of: CMSAttribute.self, identifier: SignerInfo.signedAttributesTag, rootNode: node),
                 try SignerInfo.retaggedAsSet(node))
            }
            let signatureAlgorithm = try AlgorithmIdentifier(berEncoded: &nodes)
            let signature = try ASN1OctetString(berEncoded: &nodes)
            let unsigned = try BER.optionalImplicitlyTagged(&nodes, tagNumber: 1, tagClass: .contextSpecific) { node in
                try BER.set(of: CMSAttribute.self, identifier: SignerInfo.unsignedAttributesTag, rootNode: node)
            }
            var info = try SignerInfo(
                signerIdentifier: sid,
                digestAlgorithm: digestAlgorithm,
                signedAttributes: nil,
                signatureAlgorithm: signatureAlgorithm,
                signature: Array(signature.bytes),
                unsignedAttributes: unsigned
            )
            info.version = version
            info.signedAttributes = signed?.0
            info.signedAttributesBytes = signed?.1
            return info
        }
    }

    /// The `[0] IMPLICIT` attributes element with its tag replaced by the universal SET tag.
    private static func retaggedAsSet(_ node: ASN1Node) throws -> [UInt8] {
        guard case .constructed(let children) = node.content else {
            throw ASN1Error.invalidASN1Object(reason: "signedAttrs must be constructed")
        }
        var coder = DER.Serializer()
        coder.appendConstructedNode(identifier: .set) { coder in
            for child in children {
                coder.serialize(child)
            }
        }
        return coder.serializedBytes
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(self.version)
            try coder.serialize(self.signerIdentifier)
            try coder.serialize(self.digestAlgorithm)
            if let signedBytes = self.signedAttributesBytes {
                // Re-emit exactly what the signature covers, only swapping the SET tag back to [0].
                coder.serializeRawBytes(CollectionOfOne(UInt8(0xA0)))
                coder.serializeRawBytes(signedBytes.dropFirst())
            }
            try coder.serialize(self.signatureAlgorithm)
            try coder.serialize(ASN1OctetString(contentBytes: self.signature[...]))
            if let unsignedAttributes = self.unsignedAttributes {
                try coder.serializeSetOf(unsignedAttributes, identifier: SignerInfo.unsignedAttributesTag)
            }
        }
    }
}
