public import SwiftASN1

/// A time-stamp response, `TimeStampResp` (RFC 3161 §2.4.2).
///
/// ```
/// TimeStampResp ::= SEQUENCE {
///     status          PKIStatusInfo,
///     timeStampToken  TimeStampToken OPTIONAL }
/// TimeStampToken ::= ContentInfo  -- id-signedData holding a TSTInfo
/// ```
public struct TimeStampResponse: DERImplicitlyTaggable, BERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// The status; a token is present only when granted.
    public var status: PKIStatusInfo
    /// The token, if granted.
    public var timeStampToken: ContentInfo?

    /// Creates a response from its parts.
    public init(status: PKIStatusInfo, timeStampToken: ContentInfo?) {
        self.status = status
        self.timeStampToken = timeStampToken
    }

    /// A granted response carrying `token`.
    public static func granted(_ token: ContentInfo) -> TimeStampResponse {
        TimeStampResponse(status: PKIStatusInfo(status: .granted), timeStampToken: token)
    }

    /// A rejection with the given failure reasons and an optional human-readable reason.
    public static func rejection(_ failInfo: PKIFailureInfo, reason: String? = nil) -> TimeStampResponse {
        TimeStampResponse(
            status: PKIStatusInfo(status: .rejection, statusString: reason.map { [$0] }, failInfo: failInfo),
            timeStampToken: nil
        )
    }

    /// The rejection that reports `error` (a ``TimestampError`` from request validation).
    public static func rejection(for error: TimestampError) -> TimeStampResponse {
        .rejection(error.failureInfo, reason: error.message)
    }

    /// The DER encoding, as served with `application/timestamp-reply`.
    public func derEncoded() throws -> [UInt8] {
        var coder = DER.Serializer()
        try coder.serialize(self)
        return coder.serializedBytes
    }

    /// Parses a response from DER or BER bytes.
    ///
    /// - Throws: ``TimestampError/Code/malformedEncoding`` for anything that is not a well-formed `TimeStampResp`.
    public init(bytes: some Collection<UInt8>) throws {
        self = try TimestampError.parsing("TimeStampResp") { try TimeStampResponse(berEncoded: Array(bytes)) }
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try TimeStampResponse(parsing: rootNode, withIdentifier: identifier)
    }

    public init(berEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try TimeStampResponse(parsing: rootNode, withIdentifier: identifier)
    }

    private init(parsing rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try BER.sequence(rootNode, identifier: identifier) { nodes in
            let status = try PKIStatusInfo(berEncoded: &nodes)
            let token = try BER.optionalImplicitlyTagged(&nodes, tagNumber: 16, tagClass: .universal) {
                try ContentInfo(berEncoded: $0)
            }
            return TimeStampResponse(status: status, timeStampToken: token)
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(self.status)
            try coder.serializeOptionalImplicitlyTagged(self.timeStampToken)
        }
    }
}
