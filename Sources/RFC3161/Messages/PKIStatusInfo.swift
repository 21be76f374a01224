public import SwiftASN1

/// The status of a time-stamp response (RFC 3161 §2.4.2).
///
/// ```
/// PKIStatusInfo ::= SEQUENCE {
///     status        PKIStatus,
///     statusString  PKIFreeText     OPTIONAL,
///     failInfo      PKIFailureInfo  OPTIONAL }
/// ```
public struct PKIStatusInfo: DERImplicitlyTaggable, BERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// `PKIStatus`: an INTEGER whose known values are the static members.
    public struct Status: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// A TimeStampToken is present, as requested.
        public static let granted = Status(rawValue: 0)
        /// A TimeStampToken is present, with modifications.
        public static let grantedWithMods = Status(rawValue: 1)
        /// The request was rejected.
        public static let rejection = Status(rawValue: 2)
        /// The request has not yet been processed.
        public static let waiting = Status(rawValue: 3)
        /// A revocation is imminent.
        public static let revocationWarning = Status(rawValue: 4)
        /// A revocation has occurred.
        public static let revocationNotification = Status(rawValue: 5)

        public var description: String {
            switch self {
            case .granted: "granted"
            case .grantedWithMods: "grantedWithMods"
            case .rejection: "rejection"
            case .waiting: "waiting"
            case .revocationWarning: "revocationWarning"
            case .revocationNotification: "revocationNotification"
            default: "status \(self.rawValue)"
            }
        }
    }

    /// The status.
    public var status: Status
    /// `PKIFreeText`: human-readable UTF8Strings, if any.
    public var statusString: [String]?
    /// The failure reasons, if any.
    public var failInfo: PKIFailureInfo?

    /// Creates a status from its parts.
    public init(status: Status, statusString: [String]? = nil, failInfo: PKIFailureInfo? = nil) {
        self.status = status
        self.statusString = statusString
        self.failInfo = failInfo
    }

    /// Whether a token is present by the status's own account (granted or grantedWithMods).
    public var isGranted: Bool { self.status == .granted || self.status == .grantedWithMods }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try PKIStatusInfo(parsing: rootNode, withIdentifier: identifier)
    }

    public init(berEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try PKIStatusInfo(parsing: rootNode, withIdentifier: identifier)
    }

    // One parser serves both: the BER helpers accept DER trees too, and DER strictness is in the tree parse.
    private init(parsing rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try BER.sequence(rootNode, identifier: identifier) { nodes in
            let status = try Int(berEncoded: &nodes)
            let text: [String]? = try BER.optionalImplicitlyTagged(&nodes, tagNumber: 16, tagClass: .universal) { node in
                try BER.sequence(of: ASN1UTF8String.self, identifier: .sequence, rootNode: node).map(String.init)
            }
            let failInfo = try BER.optionalImplicitlyTagged(&nodes, tagNumber: 3, tagClass: .universal) { node in
                try PKIFailureInfo(berEncoded: node, withIdentifier: .bitString)
            }
            return PKIStatusInfo(status: Status(rawValue: status), statusString: text, failInfo: failInfo)
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(self.status.rawValue)
            if let statusString = self.statusString {
                try coder.serializeSequenceOf(statusString.map { ASN1UTF8String($0) })
            }
            if let failInfo = self.failInfo {
                try coder.serialize(failInfo)
            }
        }
    }
}
