import ArgumentParser
import SigstoreModels
import SigstoreVerify

/// Which trusted root to verify against: a TrustedRoot file, the trusted root inside a
/// ClientTrustConfig, or one of the roots compiled into `signet` (public-good production by
/// default, staging with `--staging`).
struct TrustOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A TrustedRoot JSON document to verify against.", valueName: "file"))
    var trustedRoot: String?

    @Option(help: ArgumentHelp("A ClientTrustConfig JSON document whose trusted root to verify against.", valueName: "file"))
    var trustConfig: String?

    @Flag(help: "Verify against the embedded Sigstore public-good staging trusted root instead of production.")
    var staging = false

    func validate() throws {
        let chosen = [trustedRoot != nil, trustConfig != nil, staging].filter { $0 }.count
        guard chosen <= 1 else {
            throw ValidationError("--trusted-root, --trust-config and --staging are mutually exclusive")
        }
    }

    /// The trusted root the flags name.
    func loadTrustedRoot() throws(CLIError) -> TrustedRoot {
        if let trustedRoot {
            return try LocalFile.decode(TrustedRoot.self, at: trustedRoot, what: "trusted root")
        }
        if let trustConfig {
            return try LocalFile.decode(ClientTrustConfig.self, at: trustConfig, what: "trust config").trustedRoot
        }
        return try (staging ? SigstoreInstance.staging : .publicGood).trustedRoot()
    }

    /// A verifier for the trusted root the flags name.
    func verifier() throws -> BundleVerifier {
        try BundleVerifier(trustedRoot: loadTrustedRoot())
    }
}
