import ArgumentParser
import Foundation
import SigstoreCrypto

/// `signet generate-key-pair`: Generate a signing key pair, the private key encrypted at rest.
struct GenerateKeyPairCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-key-pair",
        abstract: "Generate a signing key pair, the private key encrypted at rest.",
        discussion: """
        Writes PREFIX.key, the private key encrypted with a password in cosign's format
        (ENCRYPTED SIGSTORE PRIVATE KEY: scrypt and NaCl secretbox; readable by cosign), readable
        only by you, and PREFIX.pub, the PEM public key.

        The password comes from SIGNET_PASSWORD or COSIGN_PASSWORD when set (set one to the empty
        string for an empty password); otherwise it is asked for twice on the terminal.

          signet generate-key-pair
          COSIGN_PASSWORD=... signet generate-key-pair --output-key-prefix release --key-type p384
        """)

    @Option(help: ArgumentHelp("Write PREFIX.key and PREFIX.pub.", valueName: "prefix"))
    var outputKeyPrefix = "cosign"

    @Option(help: ArgumentHelp("The key type: \(KeyType.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "type"))
    var keyType: KeyType = .p256

    @Flag(help: "Replace PREFIX.key and PREFIX.pub if they exist.")
    var force = false

    init() {}

    func run() async throws {
        try await Console.reportingFailures(format: .text) {
            let privatePath = outputKeyPrefix + ".key"
            let publicPath = outputKeyPrefix + ".pub"
            if !force {
                for path in [privatePath, publicPath] where FileManager.default.fileExists(atPath: path) {
                    throw CLIError(.invalidArgument, "\(path) already exists; pass --force to replace it")
                }
            }
            let password = try KeyPassword.forNewKey(environment: ProcessInfo.processInfo.environment)
            let key = try PrivateKey.generate(keyType.algorithm)
            let encrypted = try EncryptedSigningKey.encrypt(key, password: password)
            try KeyFileWriter.write(encrypted, to: privatePath, permissions: 0o600)
            try KeyFileWriter.write(key.publicKey.pemRepresentation, to: publicPath, permissions: 0o644)
            Console.writeError("Private key written to \(privatePath)")
            Console.writeError("Public key written to \(publicPath)")
        }
    }
}
