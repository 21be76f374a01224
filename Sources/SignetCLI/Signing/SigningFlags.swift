import ArgumentParser
import Foundation
import SigstoreModels
import SigstoreSign

/// The flags `sign-blob` and `attest-blob` share, named as cosign names them: who signs (an
/// identity token or `--key`), where the services are (`--signing-config` / `--trust-config`),
/// what to verify the result against, and the Rekor API version.
struct SigningFlags: ParsableArguments {
    @Option(help: ArgumentHelp("An OIDC identity token for keyless signing (else $SIGSTORE_ID_TOKEN).", valueName: "jwt"))
    var identityToken: String?

    @Option(help: ArgumentHelp("Sign with this private key (PEM PKCS#8, or a cosign/Sigstore encrypted key; password from $SIGNET_PASSWORD or $COSIGN_PASSWORD, else prompted) instead of keyless.", valueName: "file"))
    var key: String?

    @Option(help: ArgumentHelp("A SigningConfig JSON document naming the CA, logs and timestamp authorities to use (default: Sigstore's public-good instance, embedded).", valueName: "file"))
    var signingConfig: String?

    /// `--trusted-root`, `--trust-config` (whose signing config also picks the services) and
    /// `--staging`: what the new bundle is verified against before it is written.
    @OptionGroup
    var trust: TrustOptions

    @Option(help: ArgumentHelp("Use only transparency logs of this API version: 1 or 2 (default: the highest offered).", valueName: "version"))
    var rekorVersion: UInt32?

    @Flag(name: [.customShort("y"), .long], help: "Accepted for cosign compatibility; signet never asks for consent.")
    var yes = false

    func validate() throws {
        if let rekorVersion, rekorVersion != 1, rekorVersion != 2 {
            throw ValidationError("--rekor-version must be 1 or 2")
        }
        if key != nil, identityToken != nil {
            throw ValidationError("--key and --identity-token are mutually exclusive")
        }
    }

    /// The signer the flags describe: services from `--signing-config` (or the trust config's),
    /// and the trusted root to check the bundle against.
    func signer() throws -> Signer {
        let trustConfig = try trust.loadTrustConfig()
        let trustedRoot = try trust.loadTrustedRoot(trustConfig: trustConfig)
        // Without a configuration naming the services, sign against the embedded instance whose
        // trusted root checks the result.
        let services = try signingConfig.map { try LocalFile.decode(SigningConfig.self, at: $0, what: "signing config") }
            ?? trustConfig?.signingConfig
            ?? trust.instance.signingConfig()
        return Signer(signingConfig: services, trustedRoot: trustedRoot, options: SigningOptions(rekorVersion: rekorVersion))
    }

    /// Who signs: the `--key` private key, else an identity token (flag, environment, ambient).
    func credential(for signer: Signer) async throws -> SigningCredential {
        if let key {
            return .privateKey(try SigningKeyFile.read(key))
        }
        let issuer = signer.signingConfig.oidcUrls.first.flatMap { URL(string: $0.url) }
        let request = IdentityTokenRequest(
            explicitToken: identityToken, oidcIssuer: issuer, allowInteractive: isatty(STDIN_FILENO) != 0)
        return .identityToken(try await IdentityTokens.obtain(request))
    }
}
