import ArgumentParser

/// `signet log get (--log-index N | --uuid U)`: fetches an entry, prints it, and says whether
/// its inclusion proof, checkpoint and SET verified against the trusted log key.
struct LogGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Fetch a log entry and verify its inclusion proof, checkpoint and SET.",
        discussion: "Prints the entry even when it does not verify, then exits non-zero.")

    @OptionGroup(title: "Entry")
    var selector: LogEntrySelector

    @OptionGroup
    var server: LogServerOptions

    @Option(help: "Output format: text or json.")
    var output: OutputFormat = .text

    init() {}

    func validate() throws {
        guard !selector.isEmpty else {
            throw ValidationError("name the entry with --log-index or --uuid")
        }
    }

    func run() async throws {
        try await Console.reportingFailures(format: output) {
            let keys = try server.trustedKeys()
            let fetched = try await selector.fetch(from: try server.client())
            var checkpoint: VerifiedCheckpoint?
            var failure: (any Error)?
            do {
                checkpoint = try fetched.verify(trusting: keys)
            } catch {
                failure = error
            }
            let report = LogEntryReport(fetched, checkpoint: checkpoint, failure: failure, includeBody: true)
            if output == .json {
                Console.write(JSONOutput.encode(report))
            } else {
                Console.write(report.text + "\nBody: " + String(decoding: fetched.body, as: UTF8.self))
            }
            if let failure {
                if output == .text { Console.writeError("Error: \(Failure(failure).message)") }
                throw ExitCode.failure
            }
        }
    }
}
