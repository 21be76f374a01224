import ArgumentParser
import SigstoreVerify

/// `signet verify-blob FILE|sha256:HEX --bundle B …`: verifies a Sigstore bundle over an
/// artifact completely and offline (interop contract §11), with cosign's flags.
struct VerifyBlobCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-blob",
        abstract: "Verify a Sigstore bundle over a file or a digest, offline.",
        discussion: """
            Exactly one of --certificate-identity and --certificate-identity-regexp, and one of \
            --certificate-oidc-issuer and --certificate-oidc-issuer-regexp, are required unless --key \
            names the public key of a managed-key bundle. Without --trusted-root or --trust-config the \
            embedded Sigstore public-good trusted root is used. Exits 0 only when every check passes.
            """)

    @Argument(help: ArgumentHelp("The artifact, or sha256:HEX to verify by its digest.", valueName: "file|sha256:hex"))
    var artifact: String

    @Option(help: ArgumentHelp("The Sigstore bundle to verify.", valueName: "file"))
    var bundle: String

    @OptionGroup(title: "Signer")
    var identity: IdentityOptions

    @OptionGroup(title: "Trust")
    var trust: TrustOptions

    @Option(help: "Output format: text or json.")
    var output: OutputFormat = .text

    init() {}

    func run() async throws {
        try await Console.reportingFailures(format: output) {
            let reference = ArtifactReference(artifact)
            let result = try await BlobVerification(artifact: reference, bundlePath: bundle, identity: identity, trust: trust).verify()
            let report = VerificationReport(result, artifact: reference)
            Console.write(output == .json ? JSONOutput.encode(report) : report.text)
        }
    }
}
