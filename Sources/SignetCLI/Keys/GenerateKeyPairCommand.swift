import ArgumentParser

/// `signet generate-key-pair`: Generate a signing key pair, the private key encrypted at rest.
struct GenerateKeyPairCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-key-pair",
        abstract: "Generate a signing key pair, the private key encrypted at rest.")

    init() {}

    func run() async throws {
        try await Console.reportingFailures(format: .text) {
            throw CLIError(.invalidArgument, "signet generate-key-pair is not implemented yet")
        }
    }
}
