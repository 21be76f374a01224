import ArgumentParser
import SigstoreSign

/// `signet sign-blob FILE --bundle OUT`: signs a file (keyless with an identity token, or with
/// `--key`) and writes a Sigstore bundle v0.3, with cosign's flags.
struct SignBlobCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-blob",
        abstract: "Sign a file and write a Sigstore bundle.",
        discussion: """
            Keyless by default: the identity token (--identity-token, $SIGSTORE_ID_TOKEN, or ambient CI \
            credentials) is exchanged for a short-lived certificate. With --key, the private key signs and \
            the bundle names its public key instead. The services come from --signing-config or \
            --trust-config; the new bundle is verified (against --trusted-root, the trust config's root, or \
            the embedded public-good root) before it is written, and nothing is written on any failure.
            With --in-toto, FILE is an in-toto statement and is signed as a DSSE envelope.
            """)

    @Argument(help: ArgumentHelp("The file to sign.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Where to write the Sigstore bundle.", valueName: "file"))
    var bundle: String

    @OptionGroup(title: "Signing")
    var signing: SigningFlags

    @Flag(help: "FILE is an in-toto statement: sign it as a DSSE envelope (application/vnd.in-toto+json).")
    var inToto = false

    @Option(help: ArgumentHelp("Also write the base64 signature here.", valueName: "file"))
    var outputSignature: String?

    @Option(help: ArgumentHelp("Also write the signing certificate (PEM) here.", valueName: "file"))
    var outputCertificate: String?

    init() {}

    func run() async throws {
        try await Console.reportingFailures(format: .text) {
            let contents = try LocalFile.read(file, what: "file to sign")
            let signer = try signing.signer()
            let credential = try await signing.credential(for: signer)
            let signed = try await signer.sign(inToto ? .inTotoStatement(contents) : .artifact(contents), with: credential)
            try BundleOutput(bundlePath: bundle, signaturePath: outputSignature, certificatePath: outputCertificate).write(signed)
            Console.writeError("Wrote the bundle to \(bundle)")
        }
    }
}
