import ArgumentParser

/// `signet log`: Query and verify a transparency log through its Rekor v1 API.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Query and verify a transparency log through its Rekor v1 API.")

    init() {}

    func run() async throws {
        try await Console.reportingFailures(format: .text) {
            throw CLIError(.invalidArgument, "signet log is not implemented yet")
        }
    }
}
