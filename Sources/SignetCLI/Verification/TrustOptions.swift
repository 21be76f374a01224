import ArgumentParser
import SigstoreModels
import SigstoreVerify

/// Which trusted root to verify against: a TrustedRoot file, the trusted root inside a
/// ClientTrustConfig, or one of the roots compiled into `signet` (public-good production by
/// default, staging with `--staging`).
struct TrustOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A TrustedRoot JSON document to verify against.", valueName: "file"))
    var trustedRoot: String?

    @Option(help: ArgumentHelp("A ClientTrustConfig JSON document whose trusted root to verify against (when signing, its signing config also picks the services).", valueName: "file"))
    var trustConfig: String?

    @Flag(help: "Use the embedded Sigstore public-good staging instance instead of production.")
    var staging = false

    func validate() throws {
        let chosen = [trustedRoot != nil, trustConfig != nil, staging].filter { $0 }.count
        guard chosen <= 1 else {
            throw ValidationError("--trusted-root, --trust-config and --staging are mutually exclusive")
        }
    }

    /// The embedded instance the flags choose when no file names the trust.
    var instance: SigstoreInstance { staging ? .staging : .publicGood }

    /// The ClientTrustConfig `--trust-config` names, if any.
    func loadTrustConfig() throws(CLIError) -> ClientTrustConfig? {
        guard let trustConfig else { return nil }
        return try LocalFile.decode(ClientTrustConfig.self, at: trustConfig, what: "trust config")
    }

    /// The trusted root the flags name.
    func loadTrustedRoot() throws(CLIError) -> TrustedRoot {
        try loadTrustedRoot(trustConfig: loadTrustConfig())
    }

    /// The trusted root the flags name, with `--trust-config` already read as `trustConfig`.
    func loadTrustedRoot(trustConfig: ClientTrustConfig?) throws(CLIError) -> TrustedRoot {
        if let trustedRoot {
            return try LocalFile.decode(TrustedRoot.self, at: trustedRoot, what: "trusted root")
        }
        if let trustConfig {
            return trustConfig.trustedRoot
        }
        return try instance.trustedRoot()
    }

    /// A verifier for the trusted root the flags name.
    func verifier() throws -> BundleVerifier {
        try BundleVerifier(trustedRoot: loadTrustedRoot())
    }
}
