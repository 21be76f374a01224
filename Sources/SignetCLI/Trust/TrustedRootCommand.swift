import ArgumentParser

/// `signet trusted-root …`: tools for TrustedRoot documents.
struct TrustedRootCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trusted-root",
        abstract: "Work with TrustedRoot documents (what verifiers trust).",
        subcommands: [TrustedRootCreateCommand.self])

    init() {}
}
