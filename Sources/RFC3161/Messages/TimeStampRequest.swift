public import SigstoreCrypto
public import SwiftASN1
public import X509

/// A time-stamp request, `TimeStampReq` (RFC 3161 §2.4.1).
///
/// ```
/// TimeStampReq ::= SEQUENCE {
///     version         INTEGER { v1(1) },
///     messageImprint  MessageImprint,
///     reqPolicy       TSAPolicyId               OPTIONAL,
///     nonce           INTEGER                   OPTIONAL,
///     certReq         BOOLEAN                   DEFAULT FALSE,
///     extensions      [0] IMPLICIT Extensions   OPTIONAL }
/// ```
///
/// Parsing only checks the structure; ``TimestampIssuer`` applies the policy (version, hash, extensions).
public struct TimeStampRequest: DERImplicitlyTaggable, BERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// The version; 1 is the only one defined.
    public var version: Int
    /// The hash of the datum to be time-stamped.
    public var messageImprint: MessageImprint
    /// The policy the requester asks for, if any.
    public var requestedPolicy: ASN1ObjectIdentifier?
    /// The nonce as big-endian two's-complement INTEGER content bytes, kept verbatim (it may be any size).
    public var nonce: [UInt8]?
    /// Whether the TSA should include its certificate in the token.
    public var certificateRequested: Bool
    /// Request extensions, if any.
    public var extensions: [Certificate.Extension]?

    /// Creates a request.
    public init(
        version: Int = 1,
        messageImprint: MessageImprint,
        requestedPolicy: ASN1ObjectIdentifier? = nil,
        nonce: [UInt8]? = nil,
        certificateRequested: Bool = false,
        extensions: [Certificate.Extension]? = nil
    ) {
        self.version = version
        self.messageImprint = messageImprint
        self.requestedPolicy = requestedPolicy
        self.nonce = nonce
        self.certificateRequested = certificateRequested
        self.extensions = extensions
    }

    /// Creates a request for `digest`, made with `hash`, asking for the TSA certificate and sending `nonce`.
    ///
    /// This is what Sigstore clients send (interop contract §7.2): no policy, no extensions.
    public init(hash: HashAlgorithm, digest: [UInt8], nonce: UInt64?, certificateRequested: Bool = true) {
        self.init(
            messageImprint: MessageImprint(hash: hash, digest: digest),
            nonce: nonce.map(TimeStampRequest.nonceBytes(for:)),
            certificateRequested: certificateRequested
        )
    }

    /// The INTEGER content bytes of a non-negative nonce, for ``nonce`` and ``TimestampVerifier``'s `expectedNonce`.
    public static func nonceBytes(for value: UInt64) -> [UInt8] {
        RawInteger.bytes(of: value)
    }

    /// Parses a request from DER (or BER) bytes, as received with `application/timestamp-query`.
    ///
    /// - Throws: ``TimestampError/Code/malformedEncoding`` for anything that is not a well-formed `TimeStampReq`.
    public init(bytes: some Collection<UInt8>) throws {
        self = try TimestampError.parsing("TimeStampReq") { try TimeStampRequest(berEncoded: Array(bytes)) }
    }

    /// The DER encoding.
    public func derEncoded() throws -> [UInt8] {
        var coder = DER.Serializer()
        try coder.serialize(self)
        return coder.serializedBytes
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try TimeStampRequest(parsing: rootNode, withIdentifier: identifier)
    }

    public init(berEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try TimeStampRequest(parsing: rootNode, withIdentifier: identifier)
    }

    private init(parsing rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try BER.sequence(rootNode, identifier: identifier) { nodes in
            let version = try Int(berEncoded: &nodes)
            let imprint = try MessageImprint(berEncoded: &nodes)
            let policy = try BER.optionalImplicitlyTagged(&nodes, tagNumber: 6, tagClass: .universal) {
                try ASN1ObjectIdentifier(berEncoded: $0)
            }
            let nonce = try BER.optionalImplicitlyTagged(&nodes, tagNumber: 2, tagClass: .universal) {
                try RawInteger(berEncoded: $0).bytes
            }
            let certReq = try BER.decodeDefault(&nodes, defaultValue: false)
            let extensions = try BER.optionalImplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) {
                try [Certificate.Extension](parsing: $0)
            }
            return TimeStampRequest(
                version: version,
                messageImprint: imprint,
                requestedPolicy: policy,
                nonce: nonce,
                certificateRequested: certReq,
                extensions: extensions
            )
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(self.version)
            try coder.serialize(self.messageImprint)
            if let policy = self.requestedPolicy {
                try coder.serialize(policy)
            }
            if let nonce = self.nonce {
                try coder.serialize(RawInteger(bytes: nonce))
            }
            if self.certificateRequested {
                try coder.serialize(true)
            }
            if let extensions = self.extensions {
                try coder.serializeSequenceOf(extensions, identifier: .init(tagWithNumber: 0, tagClass: .contextSpecific))
            }
        }
    }
}
