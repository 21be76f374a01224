public import ArgumentParser

/// The `signet` command line: sign and verify artifacts against any Sigstore deployment.
public struct SignetCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "signet",
        abstract: "Sign and verify software artifacts with Sigstore.",
        version: SignetVersion.current,
        subcommands: []
    )

    public init() {}
}
