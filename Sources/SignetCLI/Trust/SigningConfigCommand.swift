import ArgumentParser

/// `signet signing-config …`: tools for SigningConfig documents.
struct SigningConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signing-config",
        abstract: "Work with SigningConfig documents (which services signers use).",
        subcommands: [SigningConfigCreateCommand.self])

    init() {}
}
