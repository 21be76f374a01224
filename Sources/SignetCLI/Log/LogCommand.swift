import ArgumentParser

/// `signet log`: Query and verify a transparency log through its Rekor v1 API, like rekor-cli's
/// `loginfo`, `get`, `search` and `verify`.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Query and verify a transparency log through its Rekor v1 API.",
        discussion: """
            Every answer is checked against the log key of the trusted root (the embedded public-good \
            root unless --trusted-root, --trust-config or --staging says otherwise): checkpoints by \
            their signature, entries by their inclusion proof and signed entry timestamp.
            """,
        subcommands: [LogInfoCommand.self, LogGetCommand.self, LogSearchCommand.self, LogVerifyCommand.self])

    init() {}
}
