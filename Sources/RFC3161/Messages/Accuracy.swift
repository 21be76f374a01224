public import SwiftASN1

/// The time deviation around `genTime` (RFC 3161 §2.4.2).
///
/// ```
/// Accuracy ::= SEQUENCE {
///     seconds  INTEGER            OPTIONAL,
///     millis   [0] INTEGER (1..999) OPTIONAL,
///     micros   [1] INTEGER (1..999) OPTIONAL }
/// ```
public struct Accuracy: DERImplicitlyTaggable, BERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// Whole seconds, if present.
    public var seconds: Int?
    /// Milliseconds (1…999), if present.
    public var millis: Int?
    /// Microseconds (1…999), if present.
    public var micros: Int?

    /// Creates an accuracy; absent components count as zero.
    public init(seconds: Int? = nil, millis: Int? = nil, micros: Int? = nil) {
        self.seconds = seconds
        self.millis = millis
        self.micros = micros
    }

    /// The accuracy in seconds.
    public var timeInterval: Double {
        Double(self.seconds ?? 0) + Double(self.millis ?? 0) / 1_000 + Double(self.micros ?? 0) / 1_000_000
    }

    private static let millisTag = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
    private static let microsTag = ASN1Identifier(tagWithNumber: 1, tagClass: .contextSpecific)

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try Accuracy(parsing: rootNode, withIdentifier: identifier)
    }

    public init(berEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try Accuracy(parsing: rootNode, withIdentifier: identifier)
    }

    private init(parsing rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try BER.sequence(rootNode, identifier: identifier) { nodes in
            let seconds = try BER.optionalImplicitlyTagged(&nodes, tagNumber: 2, tagClass: .universal) {
                try Int(berEncoded: $0)
            }
            let millis = try BER.optionalImplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) {
                try Int(berEncoded: $0, withIdentifier: Accuracy.millisTag)
            }
            let micros = try BER.optionalImplicitlyTagged(&nodes, tagNumber: 1, tagClass: .contextSpecific) {
                try Int(berEncoded: $0, withIdentifier: Accuracy.microsTag)
            }
            for part in [millis, micros].compactMap({ $0 }) where !(1...999).contains(part) {
                throw ASN1Error.invalidASN1Object(reason: "Accuracy millis/micros must lie in 1...999, got \(part)")
            }
            if let seconds, seconds < 0 {
                throw ASN1Error.invalidASN1Object(reason: "Accuracy seconds must not be negative")
            }
            return Accuracy(seconds: seconds, millis: millis, micros: micros)
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            if let seconds = self.seconds {
                try coder.serialize(seconds)
            }
            try coder.serializeOptionalImplicitlyTagged(self.millis, withIdentifier: Accuracy.millisTag)
            try coder.serializeOptionalImplicitlyTagged(self.micros, withIdentifier: Accuracy.microsTag)
        }
    }
}
