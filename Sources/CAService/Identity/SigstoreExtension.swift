public import SwiftASN1
public import X509

/// The Sigstore certificate extensions under `1.3.6.1.4.1.57264.1` that carry identity claims
/// (interop contract §2.5), in the order Fulcio writes them.
///
/// The raw value is the name CI templates use in the issuer configuration
/// (`build-signer-uri`, `github-workflow-sha`, …). The OIDC issuer (`.1.1` and `.1.8`) is not
/// here: it always comes from the token's `iss` and is never templated.
public enum SigstoreExtension: String, Sendable, Hashable, CaseIterable {
    case githubWorkflowTrigger = "github-workflow-trigger"
    case githubWorkflowSHA = "github-workflow-sha"
    case githubWorkflowName = "github-workflow-name"
    case githubWorkflowRepository = "github-workflow-repository"
    case githubWorkflowRef = "github-workflow-ref"
    case buildSignerURI = "build-signer-uri"
    case buildSignerDigest = "build-signer-digest"
    case runnerEnvironment = "runner-environment"
    case sourceRepositoryURI = "source-repository-uri"
    case sourceRepositoryDigest = "source-repository-digest"
    case sourceRepositoryRef = "source-repository-ref"
    case sourceRepositoryIdentifier = "source-repository-identifier"
    case sourceRepositoryOwnerURI = "source-repository-owner-uri"
    case sourceRepositoryOwnerIdentifier = "source-repository-owner-identifier"
    case buildConfigURI = "build-config-uri"
    case buildConfigDigest = "build-config-digest"
    case buildTrigger = "build-trigger"
    case runInvocationURI = "run-invocation-uri"
    case sourceRepositoryVisibilityAtSigning = "source-repository-visibility-at-signing"
    case deploymentEnvironment = "deployment-environment"
    case tokenSubject = "token-subject"

    /// `1.3.6.1.4.1.57264.1.1`: the OIDC issuer as raw UTF-8 (deprecated, still read by sigstore-python).
    public static let issuerV1OID: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 57264, 1, 1]
    /// `1.3.6.1.4.1.57264.1.7`: the otherName type of a username SAN.
    public static let usernameOtherNameOID: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 57264, 1, 7]
    /// `1.3.6.1.4.1.57264.1.8`: the OIDC issuer as a DER UTF8String.
    public static let issuerV2OID: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 57264, 1, 8]

    /// The extension's OID.
    public var oid: ASN1ObjectIdentifier {
        [1, 3, 6, 1, 4, 1, 57264, 1, arc]
    }

    private var arc: UInt {
        switch self {
        case .githubWorkflowTrigger: 2
        case .githubWorkflowSHA: 3
        case .githubWorkflowName: 4
        case .githubWorkflowRepository: 5
        case .githubWorkflowRef: 6
        case .buildSignerURI: 9
        case .buildSignerDigest: 10
        case .runnerEnvironment: 11
        case .sourceRepositoryURI: 12
        case .sourceRepositoryDigest: 13
        case .sourceRepositoryRef: 14
        case .sourceRepositoryIdentifier: 15
        case .sourceRepositoryOwnerURI: 16
        case .sourceRepositoryOwnerIdentifier: 17
        case .buildConfigURI: 18
        case .buildConfigDigest: 19
        case .buildTrigger: 20
        case .runInvocationURI: 21
        case .sourceRepositoryVisibilityAtSigning: 22
        case .deploymentEnvironment: 23
        case .tokenSubject: 24
        }
    }

    /// Whether the value is raw UTF-8 (the deprecated GitHub extensions `.1.2`–`.1.6`) rather than
    /// a DER UTF8String.
    public var isRawUTF8: Bool {
        arc <= 6
    }

    /// The non-critical extension carrying `value`.
    public func makeCertificateExtension(value: String) throws -> Certificate.Extension {
        isRawUTF8 ? Self.rawExtension(oid, value) : try Self.derUTF8Extension(oid, value)
    }

    /// The two issuer extensions, `.1.1` raw and `.1.8` DER UTF8String, both holding `issuer` verbatim.
    static func issuerExtensions(_ issuer: String) throws -> [Certificate.Extension] {
        [rawExtension(issuerV1OID, issuer), try derUTF8Extension(issuerV2OID, issuer)]
    }

    private static func rawExtension(_ oid: ASN1ObjectIdentifier, _ value: String) -> Certificate.Extension {
        Certificate.Extension(oid: oid, critical: false, value: Array(value.utf8)[...])
    }

    private static func derUTF8Extension(_ oid: ASN1ObjectIdentifier, _ value: String) throws -> Certificate.Extension {
        var serializer = DER.Serializer()
        try serializer.serialize(ASN1UTF8String(value))
        return Certificate.Extension(oid: oid, critical: false, value: serializer.serializedBytes[...])
    }
}
