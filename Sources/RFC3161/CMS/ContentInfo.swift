public import SwiftASN1

/// A CMS `ContentInfo` (RFC 5652 §3); a time-stamp token is one whose content is ``SignedData``.
///
/// ```
/// ContentInfo ::= SEQUENCE {
///     contentType  ContentType,
///     content      [0] EXPLICIT ANY DEFINED BY contentType }
/// ```
public struct ContentInfo: DERImplicitlyTaggable, BERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// The type of ``content``.
    public var contentType: ASN1ObjectIdentifier
    /// The content, kept as an encoded element (BER input is re-encoded with definite lengths).
    public var content: ASN1Any

    /// Creates a ContentInfo from its parts.
    public init(contentType: ASN1ObjectIdentifier, content: ASN1Any) {
        self.contentType = contentType
        self.content = content
    }

    /// Wraps `signedData` as `id-signedData` content.
    public init(_ signedData: SignedData) throws {
        self.init(contentType: .TimeStamping.signedData, content: try ASN1Any(erasing: signedData))
    }

    /// The content parsed as ``SignedData``.
    ///
    /// - Throws: ``TimestampError/Code/malformedEncoding`` when the content type is not `id-signedData` or does not parse.
    public func signedData() throws -> SignedData {
        guard self.contentType == .TimeStamping.signedData else {
            throw TimestampError(.malformedEncoding, "ContentInfo holds \(self.contentType), not id-signedData")
        }
        return try TimestampError.parsing("SignedData") { try SignedData(berASN1Any: self.content) }
    }

    private static let contentTag = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try ContentInfo(parsing: rootNode, withIdentifier: identifier)
    }

    public init(berEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try ContentInfo(parsing: rootNode, withIdentifier: identifier)
    }

    private init(parsing rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try BER.sequence(rootNode, identifier: identifier) { nodes in
            let type = try ASN1ObjectIdentifier(berEncoded: &nodes)
            let content = try BER.explicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) {
                ASN1Any(berEncoded: $0)
            }
            return ContentInfo(contentType: type, content: content)
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(self.contentType)
            try coder.serialize(self.content, explicitlyTaggedWithIdentifier: ContentInfo.contentTag)
        }
    }
}
