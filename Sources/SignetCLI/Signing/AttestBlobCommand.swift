import ArgumentParser

/// `signet attest-blob`: Attest to a file with an in-toto statement and write a Sigstore bundle.
struct AttestBlobCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attest-blob",
        abstract: "Attest to a file with an in-toto statement and write a Sigstore bundle.")

    init() {}

    func run() async throws {
        try await Console.reportingFailures(format: .text) {
            throw CLIError(.invalidArgument, "signet attest-blob is not implemented yet")
        }
    }
}
