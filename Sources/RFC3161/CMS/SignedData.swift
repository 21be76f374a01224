public import SwiftASN1
public import X509

/// CMS signed data (RFC 5652 §5.1), the body of a time-stamp token.
///
/// ```
/// SignedData ::= SEQUENCE {
///     version           CMSVersion,
///     digestAlgorithms  DigestAlgorithmIdentifiers,
///     encapContentInfo  EncapsulatedContentInfo,
///     certificates      [0] IMPLICIT CertificateSet OPTIONAL,
///     crls              [1] IMPLICIT RevocationInfoChoices OPTIONAL,
///     signerInfos       SignerInfos }
/// ```
///
/// Only plain X.509 certificates are read from `certificates`; other choices (attribute certificates) are
/// refused as malformed. Revocation information is kept as opaque elements.
public struct SignedData: DERImplicitlyTaggable, BERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// The CMS version: 3 whenever the content type is not `id-data`, as for TSTInfo.
    public var version: Int
    /// The digest algorithms the signers use.
    public var digestAlgorithms: [AlgorithmIdentifier]
    /// The signed content.
    public var encapsulatedContentInfo: EncapsulatedContentInfo
    /// Certificates the signer chose to include (never trusted on their own).
    public var certificates: [Certificate]?
    /// Revocation information, kept opaque.
    public var revocationInfo: [ASN1Any]?
    /// The signatures.
    public var signerInfos: [SignerInfo]

    /// Creates a SignedData from its parts.
    public init(
        version: Int = 3,
        digestAlgorithms: [AlgorithmIdentifier],
        encapsulatedContentInfo: EncapsulatedContentInfo,
        certificates: [Certificate]? = nil,
        revocationInfo: [ASN1Any]? = nil,
        signerInfos: [SignerInfo]
    ) {
        self.version = version
        self.digestAlgorithms = digestAlgorithms
        self.encapsulatedContentInfo = encapsulatedContentInfo
        self.certificates = certificates
        self.revocationInfo = revocationInfo
        self.signerInfos = signerInfos
    }

    private static let certificatesTag = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
    private static let revocationTag = ASN1Identifier(tagWithNumber: 1, tagClass: .contextSpecific)

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try SignedData(parsing: rootNode, withIdentifier: identifier)
    }

    public init(berEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try SignedData(parsing: rootNode, withIdentifier: identifier)
    }

    private init(parsing rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try BER.sequence(rootNode, identifier: identifier) { nodes in
            let version = try Int(berEncoded: &nodes)
            let digestAlgorithms = try BER.set(of: AlgorithmIdentifier.self, identifier: .set, nodes: &nodes)
            let content = try EncapsulatedContentInfo(berEncoded: &nodes)
            let certificates = try BER.optionalImplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) {
                node in
                guard case .constructed(let children) = node.content else {
                    throw ASN1Error.invalidASN1Object(reason: "certificates must be constructed")
                }
                return try children.map { try Certificate(derEncoded: $0) }
            }
            let revocation = try BER.optionalImplicitlyTagged(&nodes, tagNumber: 1, tagClass: .contextSpecific) {
                node in
                guard case .constructed(let children) = node.content else {
                    throw ASN1Error.invalidASN1Object(reason: "crls must be constructed")
                }
                return children.map { ASN1Any(berEncoded: $0) }
            }
            let signerInfos = try BER.set(of: SignerInfo.self, identifier: .set, nodes: &nodes)
            return SignedData(
                version: version,
                digestAlgorithms: digestAlgorithms,
                encapsulatedContentInfo: content,
                certificates: certificates,
                revocationInfo: revocation,
                signerInfos: signerInfos
            )
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(self.version)
            try coder.serializeSetOf(self.digestAlgorithms)
            try coder.serialize(self.encapsulatedContentInfo)
            if let certificates = self.certificates {
                // Kept in the given order (leaf first) rather than DER-sorted, as OpenSSL does: naive verifiers
                // take the first certificate as the signer's.
                try coder.serializeSequenceOf(certificates, identifier: SignedData.certificatesTag)
            }
            if let revocationInfo = self.revocationInfo {
                try coder.serializeSetOf(revocationInfo, identifier: SignedData.revocationTag)
            }
            try coder.serializeSetOf(self.signerInfos)
        }
    }
}
