import ArgumentParser
import SigstoreCrypto

/// `signet public-key --key PRIV`: prints the public half of a private key as PEM.
struct PublicKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "public-key",
        abstract: "Print the PEM public key of a private key (PKCS#8, SEC 1, PKCS#1 or encrypted cosign PEM).",
        discussion: """
        An encrypted cosign key (ENCRYPTED SIGSTORE PRIVATE KEY) is opened with the password from
        SIGNET_PASSWORD or COSIGN_PASSWORD, or asked for on the terminal.
        """)

    @Option(help: ArgumentHelp("The private key file (PEM; encrypted cosign keys ask for their password).", valueName: "file"))
    var key: String

    @Option(help: ArgumentHelp("Where to write the public key (default: standard output).", valueName: "file"))
    var out: String?

    init() {}

    func run() async throws {
        try await Console.reportingFailures(format: .text) {
            let privateKey = try SigningKeyFile.read(key)
            try LocalFile.write(privateKey.publicKey.pemRepresentation, to: out)
        }
    }
}
