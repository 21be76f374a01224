import ArgumentParser

/// `signet bundle …`: tools for Sigstore bundle files.
struct BundleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Work with Sigstore bundle files.",
        subcommands: [BundleInspectCommand.self])

    init() {}
}
