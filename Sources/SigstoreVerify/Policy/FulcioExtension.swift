public import SwiftASN1
import X509

/// A Sigstore certificate extension under `1.3.6.1.4.1.57264.1` (interop contract §2.5): the
/// OIDC issuer and the CI claims Fulcio copies from the identity token.
///
/// Use the named constants, or ``init(_:)`` for an OID this library does not name yet. Values of
/// `.1.1`–`.1.6` are raw UTF-8 bytes; every later one is a DER UTF8String.
public struct FulcioExtension: Sendable, Hashable, CustomStringConvertible {
    /// The extension's OID.
    public let oid: ASN1ObjectIdentifier
    /// A short name for messages, e.g. `sourceRepositoryURI`.
    public let name: String

    /// An extension by OID; its name is the dotted OID unless it is one of the named constants.
    public init(_ oid: ASN1ObjectIdentifier) {
        self = Self.all.first { $0.oid == oid } ?? FulcioExtension(oid: oid, name: oid.description)
    }

    private init(oid: ASN1ObjectIdentifier, name: String) {
        self.oid = oid
        self.name = name
    }

    private init(_ arc: UInt, _ name: String) {
        self.init(oid: ASN1ObjectIdentifier(arrayLiteral: 1, 3, 6, 1, 4, 1, 57264, 1, arc), name: name)
    }

    public var description: String { name }

    public static func == (lhs: FulcioExtension, rhs: FulcioExtension) -> Bool { lhs.oid == rhs.oid }
    public func hash(into hasher: inout Hasher) { hasher.combine(oid) }

    /// `.1.1`: the OIDC issuer, deprecated form (raw bytes).
    public static let issuerV1 = FulcioExtension(1, "issuerV1")
    /// `.1.2`: GitHub workflow trigger (deprecated).
    public static let githubWorkflowTrigger = FulcioExtension(2, "githubWorkflowTrigger")
    /// `.1.3`: GitHub workflow commit SHA (deprecated).
    public static let githubWorkflowSHA = FulcioExtension(3, "githubWorkflowSHA")
    /// `.1.4`: GitHub workflow name (deprecated).
    public static let githubWorkflowName = FulcioExtension(4, "githubWorkflowName")
    /// `.1.5`: GitHub workflow repository (deprecated).
    public static let githubWorkflowRepository = FulcioExtension(5, "githubWorkflowRepository")
    /// `.1.6`: GitHub workflow ref (deprecated).
    public static let githubWorkflowRef = FulcioExtension(6, "githubWorkflowRef")
    /// `.1.8`: the OIDC issuer (DER UTF8String).
    public static let issuer = FulcioExtension(8, "issuer")
    public static let buildSignerURI = FulcioExtension(9, "buildSignerURI")
    public static let buildSignerDigest = FulcioExtension(10, "buildSignerDigest")
    public static let runnerEnvironment = FulcioExtension(11, "runnerEnvironment")
    public static let sourceRepositoryURI = FulcioExtension(12, "sourceRepositoryURI")
    public static let sourceRepositoryDigest = FulcioExtension(13, "sourceRepositoryDigest")
    public static let sourceRepositoryRef = FulcioExtension(14, "sourceRepositoryRef")
    public static let sourceRepositoryIdentifier = FulcioExtension(15, "sourceRepositoryIdentifier")
    public static let sourceRepositoryOwnerURI = FulcioExtension(16, "sourceRepositoryOwnerURI")
    public static let sourceRepositoryOwnerIdentifier = FulcioExtension(17, "sourceRepositoryOwnerIdentifier")
    public static let buildConfigURI = FulcioExtension(18, "buildConfigURI")
    public static let buildConfigDigest = FulcioExtension(19, "buildConfigDigest")
    public static let buildTrigger = FulcioExtension(20, "buildTrigger")
    public static let runInvocationURI = FulcioExtension(21, "runInvocationURI")
    public static let sourceRepositoryVisibilityAtSigning = FulcioExtension(22, "sourceRepositoryVisibilityAtSigning")
    public static let deploymentEnvironment = FulcioExtension(23, "deploymentEnvironment")
    public static let tokenSubject = FulcioExtension(24, "tokenSubject")

    /// Every named extension, in OID order.
    public static let all: [FulcioExtension] = [
        .issuerV1, .githubWorkflowTrigger, .githubWorkflowSHA, .githubWorkflowName, .githubWorkflowRepository,
        .githubWorkflowRef, .issuer, .buildSignerURI, .buildSignerDigest, .runnerEnvironment, .sourceRepositoryURI,
        .sourceRepositoryDigest, .sourceRepositoryRef, .sourceRepositoryIdentifier, .sourceRepositoryOwnerURI,
        .sourceRepositoryOwnerIdentifier, .buildConfigURI, .buildConfigDigest, .buildTrigger, .runInvocationURI,
        .sourceRepositoryVisibilityAtSigning, .deploymentEnvironment, .tokenSubject,
    ]

    /// The SAN otherName type (`.1.7`) Fulcio uses for usernames.
    static let otherNameSAN: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 57264, 1, 7]

    /// Whether Fulcio writes this extension's value as raw bytes (`.1.1`–`.1.6`) rather than a
    /// DER UTF8String.
    var isRawValue: Bool {
        let elements = oid.oidComponents
        guard elements.count == 9, Array(elements.prefix(8)) == [1, 3, 6, 1, 4, 1, 57264, 1] else { return false }
        return (1...6).contains(elements[8])
    }

    /// The extension's value in `certificate`, or `nil` when the certificate does not carry it
    /// or its value is not text in the encoding this extension uses.
    func value(in certificate: Certificate) -> String? {
        guard let ext = certificate.extensions[oid: oid] else { return nil }
        if isRawValue {
            return String(validating: Array(ext.value), as: UTF8.self)
        }
        guard let string = try? ASN1UTF8String(derEncoded: ext.value) else { return nil }
        return String(string)
    }
}
