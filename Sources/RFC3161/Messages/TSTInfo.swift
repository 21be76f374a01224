public import Foundation
public import SwiftASN1
public import X509

/// The signed content of a time-stamp token (RFC 3161 §2.4.2).
///
/// ```
/// TSTInfo ::= SEQUENCE {
///     version         INTEGER { v1(1) },
///     policy          TSAPolicyId,
///     messageImprint  MessageImprint,
///     serialNumber    INTEGER,
///     genTime         GeneralizedTime,
///     accuracy        Accuracy                 OPTIONAL,
///     ordering        BOOLEAN                  DEFAULT FALSE,
///     nonce           INTEGER                  OPTIONAL,
///     tsa             [0] GeneralName          OPTIONAL,
///     extensions      [1] IMPLICIT Extensions  OPTIONAL }
/// ```
public struct TSTInfo: DERImplicitlyTaggable, BERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// The version; 1 is the only one defined.
    public var version: Int
    /// The TSA policy under which the token was issued.
    public var policy: ASN1ObjectIdentifier
    /// The imprint copied from the request.
    public var messageImprint: MessageImprint
    /// The token's serial number, unique per TSA.
    public var serialNumber: Certificate.SerialNumber
    /// When the token was created, as encoded (UTC, optional fractional seconds).
    public var genTime: GeneralizedTime
    /// The deviation around ``genTime``, if stated.
    public var accuracy: Accuracy?
    /// Whether tokens from this TSA can be ordered by ``genTime`` alone.
    public var ordering: Bool
    /// The request's nonce as INTEGER content octets, echoed verbatim.
    public var nonce: [UInt8]?
    /// A name for the TSA, if given.
    public var tsa: GeneralName?
    /// Extensions, if any.
    public var extensions: [Certificate.Extension]?

    /// Creates a TSTInfo.
    public init(
        version: Int = 1,
        policy: ASN1ObjectIdentifier,
        messageImprint: MessageImprint,
        serialNumber: Certificate.SerialNumber,
        genTime: GeneralizedTime,
        accuracy: Accuracy? = nil,
        ordering: Bool = false,
        nonce: [UInt8]? = nil,
        tsa: GeneralName? = nil,
        extensions: [Certificate.Extension]? = nil
    ) {
        self.version = version
        self.policy = policy
        self.messageImprint = messageImprint
        self.serialNumber = serialNumber
        self.genTime = genTime
        self.accuracy = accuracy
        self.ordering = ordering
        self.nonce = nonce
        self.tsa = tsa
        self.extensions = extensions
    }

    /// ``genTime`` as a `Date`.
    public var generationDate: Date { self.genTime.date }

    private static let tsaTag = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
    private static let extensionsTag = ASN1Identifier(tagWithNumber: 1, tagClass: .contextSpecific)

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try TSTInfo(parsing: rootNode, withIdentifier: identifier)
    }

    public init(berEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try TSTInfo(parsing: rootNode, withIdentifier: identifier)
    }

    private init(parsing rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try BER.sequence(rootNode, identifier: identifier) { nodes in
            let version = try Int(berEncoded: &nodes)
            let policy = try ASN1ObjectIdentifier(berEncoded: &nodes)
            let imprint = try MessageImprint(berEncoded: &nodes)
            let serial = try ArraySlice<UInt8>(berEncoded: &nodes)
            let genTime = try GeneralizedTime(berEncoded: &nodes)
            let accuracy = try BER.optionalImplicitlyTagged(&nodes, tagNumber: 16, tagClass: .universal) {
                try Accuracy(berEncoded: $0)
            }
            let ordering = try BER.decodeDefault(&nodes, defaultValue: false)
            let nonce = try BER.optionalImplicitlyTagged(&nodes, tagNumber: 2, tagClass: .universal) {
                try RawInteger(berEncoded: $0).bytes
            }
            // GeneralName is a CHOICE, so its [0] tag is explicit whatever the module's default.
            let tsa = try BER.optionalExplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) {
                try GeneralName(derEncoded: $0)
            }
            let extensions = try BER.optionalImplicitlyTagged(&nodes, tagNumber: 1, tagClass: .contextSpecific) {
                try [Certificate.Extension](parsing: $0)
            }
            return TSTInfo(
                version: version,
                policy: policy,
                messageImprint: imprint,
                serialNumber: Certificate.SerialNumber(bytes: serial),
                genTime: genTime,
                accuracy: accuracy,
                ordering: ordering,
                nonce: nonce,
                tsa: tsa,
                extensions: extensions
            )
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(self.version)
            try coder.serialize(self.policy)
            try coder.serialize(self.messageImprint)
            try coder.serialize(self.serialNumber.bytes)
            try coder.serialize(self.genTime)
            try coder.serializeOptionalImplicitlyTagged(self.accuracy)
            if self.ordering {
                try coder.serialize(true)
            }
            if let nonce = self.nonce {
                try coder.serialize(RawInteger(bytes: nonce))
            }
            if let tsa = self.tsa {
                try coder.serialize(tsa, explicitlyTaggedWithIdentifier: TSTInfo.tsaTag)
            }
            if let extensions = self.extensions {
                try coder.serializeSequenceOf(extensions, identifier: TSTInfo.extensionsTag)
            }
        }
    }
}
