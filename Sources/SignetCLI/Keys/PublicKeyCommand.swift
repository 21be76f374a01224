import ArgumentParser
import SigstoreCrypto

/// `signet public-key --key PRIV`: prints the public half of a private key as PEM.
struct PublicKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "public-key",
        abstract: "Print the PEM public key of a private key (PKCS#8, SEC 1 or PKCS#1 PEM).")

    @Option(help: ArgumentHelp("The private key file (unencrypted PEM).", valueName: "file"))
    var key: String

    @Option(help: ArgumentHelp("Where to write the public key (default: standard output).", valueName: "file"))
    var out: String?

    init() {}

    func run() async throws {
        try await Console.reportingFailures(format: .text) {
            let pem = try LocalFile.readText(key, what: "private key")
            let privateKey: PrivateKey
            do {
                privateKey = try PrivateKey(pemEncoded: pem)
            } catch {
                throw CLIError(.invalidDocument, "the private key \(key) is not usable: \(error)")
            }
            try LocalFile.write(privateKey.publicKey.pemRepresentation, to: out)
        }
    }
}
