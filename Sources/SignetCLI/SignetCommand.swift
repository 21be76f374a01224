public import ArgumentParser

/// The `signet` command line: sign and verify artifacts against any Sigstore deployment.
public struct SignetCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "signet",
        abstract: "Sign and verify software artifacts with Sigstore.",
        version: SignetVersion.current,
        subcommands: [
            SignBlobCommand.self,
            AttestBlobCommand.self,
            VerifyBlobCommand.self,
            VerifyBlobAttestationCommand.self,
            BundleCommand.self,
            TrustedRootCommand.self,
            SigningConfigCommand.self,
            GenerateKeyPairCommand.self,
            PublicKeyCommand.self,
            LogCommand.self,
            DevTokenCommand.self,
        ]
    )

    public init() {}
}

extension SignetCommand {
    /// Entry point of the `signet` executable: parses `arguments` and runs the chosen subcommand.
    public static func run(arguments: [String]) async {
        await main(arguments)
    }
}
