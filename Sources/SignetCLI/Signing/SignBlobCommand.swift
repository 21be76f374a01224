import ArgumentParser

/// `signet sign-blob`: Sign a file and write a Sigstore bundle.
struct SignBlobCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-blob",
        abstract: "Sign a file and write a Sigstore bundle.")

    init() {}

    func run() async throws {
        try await Console.reportingFailures(format: .text) {
            throw CLIError(.invalidArgument, "signet sign-blob is not implemented yet")
        }
    }
}
