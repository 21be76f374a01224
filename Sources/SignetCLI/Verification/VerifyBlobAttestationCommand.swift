import ArgumentParser
import SigstoreModels
import SigstoreVerify

/// `signet verify-blob-attestation FILE --bundle B [--type T] …`: verifies a DSSE bundle whose
/// in-toto statement names FILE as a subject, and checks the statement's predicate type.
struct VerifyBlobAttestationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-blob-attestation",
        abstract: "Verify an in-toto attestation bundle (DSSE) about a file or a digest, offline.",
        discussion: """
            The statement must list the artifact among its subjects. With --type, its predicate type \
            must equal that URI or cosign shortcut: \(PredicateType.shortcuts.keys.sorted().joined(separator: ", ")). \
            Identity and trust flags are those of verify-blob.
            """)

    @Argument(help: ArgumentHelp("The artifact the statement is about, or sha256:HEX.", valueName: "file|sha256:hex"))
    var artifact: String

    @Option(help: ArgumentHelp("The Sigstore bundle (with a DSSE envelope) to verify.", valueName: "file"))
    var bundle: String

    @Option(name: .customLong("type"), help: ArgumentHelp("The predicate type the statement must have: a URI or a cosign shortcut.", valueName: "uri"))
    var predicateType: String?

    @OptionGroup(title: "Signer")
    var identity: IdentityOptions

    @OptionGroup(title: "Trust")
    var trust: TrustOptions

    @Option(help: "Output format: text or json.")
    var output: OutputFormat = .text

    init() {}

    func validate() throws {
        if let predicateType {
            do {
                _ = try PredicateType.uri(for: predicateType)
            } catch {
                throw ValidationError(error.message)
            }
        }
    }

    func run() async throws {
        try await Console.reportingFailures(format: output) {
            let expectedType = try predicateType.map { (text) throws(CLIError) in try PredicateType.uri(for: text) }
            let reference = ArtifactReference(artifact)
            let verification = BlobVerification(artifact: reference, bundlePath: bundle, identity: identity, trust: trust)
            let result = try await verification.verify { (bundle) throws(CLIError) in
                guard bundle.dsseEnvelope != nil else {
                    throw CLIError(.invalidDocument, "the bundle \(self.bundle) holds a message signature, not an attestation; use verify-blob")
                }
            }
            guard let statement = result.statement else {
                throw CLIError(.invalidDocument, "the bundle \(bundle) carries no in-toto statement")
            }
            if let expectedType, statement.predicateType != expectedType {
                throw CLIError(.predicateTypeMismatch, "the attestation's predicate type is \(statement.predicateType), not \(expectedType)")
            }
            let report = VerificationReport(result, artifact: reference)
            Console.write(output == .json ? JSONOutput.encode(report) : report.text)
        }
    }
}
