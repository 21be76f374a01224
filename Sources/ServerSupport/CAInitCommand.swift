import ArgumentParser
import CAService
import Foundation
import SigstoreCrypto

/// `signetd ca init`: generates a root and an intermediate for the CA.
struct CAInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Generate a CA root and intermediate certificate and the intermediate's private key.",
        discussion: """
        Writes DIR/root.pem, DIR/intermediate.pem, DIR/chain.pem (intermediate then root) and
        DIR/intermediate-key.pem (mode 0600; encrypted PKCS#8 with --password-env). The root key
        signs the intermediate and is discarded. Existing files are never overwritten.

        `signetd --dev --data-dir D` uses D/ca/ when it holds chain.pem and an unencrypted
        intermediate-key.pem, so `signetd ca init --out D/ca --key-type ecdsa-p256` picks the dev CA's key.
        """
    )

    @Option(help: "Directory to write the files to (created if missing).")
    var out: String

    @Option(help: "Key type of the root and intermediate: ecdsa-p256 or ecdsa-p384.")
    var keyType = "ecdsa-p384"

    @Option(help: "Organization (O) of both certificates' subjects.")
    var organization = "signet"

    @Option(help: "Common name (CN) of the root; the intermediate's is CN-intermediate.")
    var commonName = "signet"

    @Option(help: "Years both certificates are valid.")
    var validityYears = 10

    @Option(help: "Encrypt the key file with the password in this environment variable.")
    var passwordEnv: String?

    init() {}

    func validate() throws {
        guard Self.algorithm(keyType) != nil else {
            throw ValidationError("--key-type must be ecdsa-p256 or ecdsa-p384")
        }
        guard (1...100).contains(validityYears) else {
            throw ValidationError("--validity-years must be between 1 and 100")
        }
        guard !organization.isEmpty, !commonName.isEmpty else {
            throw ValidationError("--organization and --common-name must not be empty")
        }
        if let passwordEnv {
            guard let password = ProcessInfo.processInfo.environment[passwordEnv], !password.isEmpty else {
                throw ValidationError("--password-env \(passwordEnv): that environment variable is unset or empty")
            }
        }
    }

    func run() throws {
        guard let algorithm = Self.algorithm(keyType) else { throw ExitCode.validationFailure }
        let initialization = CAInit(
            directory: URL(fileURLWithPath: out),
            algorithm: algorithm,
            organization: organization,
            commonName: commonName,
            validityYears: validityYears,
            password: passwordEnv.flatMap { ProcessInfo.processInfo.environment[$0] }.map { Array($0.utf8) }
        )
        let written: [URL]
        do {
            written = try initialization.run(now: Date())
        } catch {
            FileHandle.standardError.write(Data("signetd ca init: \(error)\n".utf8))
            throw ExitCode.failure
        }
        for file in written {
            print("wrote \(file.path)")
        }
        print("root and intermediate: \(algorithm), valid \(validityYears) years; the root key was discarded")
        if passwordEnv == nil {
            print("the intermediate key is not encrypted (use --password-env VAR to encrypt it)")
        }
    }

    static func algorithm(_ name: String) -> KeyAlgorithm? {
        switch name {
        case "ecdsa-p256": .ecdsaP256
        case "ecdsa-p384": .ecdsaP384
        default: nil
        }
    }
}
