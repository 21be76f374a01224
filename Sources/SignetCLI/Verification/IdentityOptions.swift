import ArgumentParser
import SigstoreCrypto
import SigstoreVerify
import SwiftASN1

/// Who must have signed, with cosign's flag names: a keyless identity (SAN and OIDC issuer,
/// exact or by regular expression, plus optional certificate claims) or a managed `--key`.
struct IdentityOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The identity the certificate must name exactly: an email, URI or username.", valueName: "identity"))
    var certificateIdentity: String?

    @Option(help: ArgumentHelp("A regular expression the whole certificate identity must match.", valueName: "regex"))
    var certificateIdentityRegexp: String?

    @Option(help: ArgumentHelp("The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com.", valueName: "url"))
    var certificateOidcIssuer: String?

    @Option(help: ArgumentHelp("A regular expression the whole OIDC issuer must match.", valueName: "regex"))
    var certificateOidcIssuerRegexp: String?

    @Option(help: ArgumentHelp("The GitHub workflow trigger the certificate must carry (1.3.6.1.4.1.57264.1.2).", valueName: "event"))
    var certificateGithubWorkflowTrigger: String?

    @Option(help: ArgumentHelp("The GitHub workflow commit SHA the certificate must carry (.1.3).", valueName: "sha"))
    var certificateGithubWorkflowSha: String?

    @Option(help: ArgumentHelp("The GitHub workflow name the certificate must carry (.1.4).", valueName: "name"))
    var certificateGithubWorkflowName: String?

    @Option(help: ArgumentHelp("The GitHub repository the certificate must carry (.1.5), e.g. owner/repo.", valueName: "repository"))
    var certificateGithubWorkflowRepository: String?

    @Option(help: ArgumentHelp("The git ref the certificate must carry (.1.6), e.g. refs/heads/main.", valueName: "ref"))
    var certificateGithubWorkflowRef: String?

    @Option(
        help: ArgumentHelp(
            "A Sigstore certificate extension that must hold exactly this value, by dotted OID or name (e.g. sourceRepositoryURI=https://github.com/o/r). Repeatable.",
            valueName: "oid=value"))
    var certificateExtension: [String] = []

    @Option(help: ArgumentHelp("Verify a managed-key bundle with this public key (PEM or DER) instead of a certificate identity.", valueName: "file"))
    var key: String?

    private var identityFlagCount: Int {
        [certificateIdentity, certificateIdentityRegexp].compactMap { $0 }.count
    }

    private var issuerFlagCount: Int {
        [certificateOidcIssuer, certificateOidcIssuerRegexp].compactMap { $0 }.count
    }

    private var claimFlags: [(FulcioExtension, String?)] {
        [
            (.githubWorkflowTrigger, certificateGithubWorkflowTrigger), (.githubWorkflowSHA, certificateGithubWorkflowSha),
            (.githubWorkflowName, certificateGithubWorkflowName), (.githubWorkflowRepository, certificateGithubWorkflowRepository),
            (.githubWorkflowRef, certificateGithubWorkflowRef),
        ]
    }

    func validate() throws {
        if key != nil {
            let certificateFlags = identityFlagCount + issuerFlagCount + claimFlags.compactMap(\.1).count + certificateExtension.count
            guard certificateFlags == 0 else {
                throw ValidationError("--key verifies a managed-key bundle and cannot be combined with certificate identity flags")
            }
            return
        }
        switch identityFlagCount {
        case 0:
            throw ValidationError("missing signer: pass --certificate-identity or --certificate-identity-regexp (or --key for a managed-key bundle)")
        case 1: break
        default: throw ValidationError("--certificate-identity and --certificate-identity-regexp are mutually exclusive")
        }
        switch issuerFlagCount {
        case 0: throw ValidationError("missing issuer: pass --certificate-oidc-issuer or --certificate-oidc-issuer-regexp")
        case 1: break
        default: throw ValidationError("--certificate-oidc-issuer and --certificate-oidc-issuer-regexp are mutually exclusive")
        }
        do {
            _ = try extensions()
        } catch {
            throw ValidationError(error.message)
        }
    }

    /// The verification policy the flags describe.
    func policy() throws(CLIError) -> VerificationPolicy {
        if let key {
            let bytes = try LocalFile.read(key, what: "public key")
            do {
                return .publicKey(try PublicKey(pemOrDER: bytes))
            } catch {
                throw CLIError(.invalidDocument, "the public key \(key) is not usable: \(error)")
            }
        }
        let san: IdentityMatcher = certificateIdentity.map { .exact($0) } ?? .regex(certificateIdentityRegexp ?? "")
        let issuer: IdentityMatcher = certificateOidcIssuer.map { .exact($0) } ?? .regex(certificateOidcIssuerRegexp ?? "")
        return .identity(san: san, issuer: issuer, extensions: try extensions())
    }

    /// The certificate claims the CI flags and `--certificate-extension` require.
    func extensions() throws(CLIError) -> [FulcioExtension: String] {
        var required: [FulcioExtension: String] = [:]
        for case (let fulcioExtension, let value?) in claimFlags {
            required[fulcioExtension] = value
        }
        for assignment in certificateExtension {
            let (fulcioExtension, value) = try Self.parseExtension(assignment)
            if let earlier = required[fulcioExtension], earlier != value {
                throw CLIError(.invalidArgument, "the certificate extension \(fulcioExtension) is required to hold two different values")
            }
            required[fulcioExtension] = value
        }
        return required
    }

    /// Parses `OID=VALUE` or `name=VALUE`, where the name is one of ``FulcioExtension/all``.
    static func parseExtension(_ assignment: String) throws(CLIError) -> (FulcioExtension, String) {
        guard let equals = assignment.firstIndex(of: "=") else {
            throw CLIError(.invalidArgument, "--certificate-extension \(assignment) is not OID=VALUE")
        }
        let key = String(assignment[..<equals])
        let value = String(assignment[assignment.index(after: equals)...])
        if let named = FulcioExtension.all.first(where: { $0.name == key }) {
            return (named, value)
        }
        guard key.first?.isNumber == true, let oid = try? ASN1ObjectIdentifier(dotRepresentation: key) else {
            throw CLIError(.invalidArgument, "--certificate-extension: \(key) is neither a dotted OID nor a known extension name")
        }
        return (FulcioExtension(oid), value)
    }
}
