import ArgumentParser
import SigstoreModels

/// `signet bundle inspect B`: shows what a bundle holds without verifying it.
struct BundleInspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a bundle's contents: signer, log entries, timestamps, attestation. Nothing is verified.")

    @Argument(help: ArgumentHelp("The Sigstore bundle to inspect.", valueName: "bundle"))
    var bundle: String

    @Option(help: "Output format: text or json.")
    var output: OutputFormat = .text

    init() {}

    func run() async throws {
        try await Console.reportingFailures(format: output) {
            let parsed = try LocalFile.decode(SigstoreBundle.self, at: bundle, what: "bundle")
            let summary = BundleSummary(parsed)
            Console.write(output == .json ? JSONOutput.encode(summary) : summary.text)
        }
    }
}
