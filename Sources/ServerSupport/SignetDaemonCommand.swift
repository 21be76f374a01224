public import ArgumentParser

/// `signetd`: hosts the Signet services, and manages their keys.
///
/// `signetd --dev` is `signetd serve --dev`: serving is the default subcommand.
public struct SignetDaemonCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "signetd",
        abstract: "Host the Signet services (CA, CT log, transparency log, timestamp authority).",
        version: "0.1.0-dev",
        subcommands: [ServeCommand.self, CACommand.self],
        defaultSubcommand: ServeCommand.self
    )

    public init() {}
}

extension SignetDaemonCommand {
    /// Entry point of the `signetd` executable.
    public static func run(arguments: [String]) async {
        await main(arguments)
    }
}
