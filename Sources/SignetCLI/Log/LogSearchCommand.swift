import ArgumentParser
import Foundation
import SigstoreCrypto
import ServiceClients
import SigstoreModels

/// `signet log search`: finds entry UUIDs through `POST /api/v1/index/retrieve`, by artifact
/// digest, signer email or public key.
struct LogSearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find the UUIDs of log entries by artifact digest, email or public key.",
        discussion: "Prints one UUID a line. Several criteria combine with --operator (default or).")

    @Option(help: ArgumentHelp("The artifact's SHA-256 digest, 64 hex digits (sha256: prefix allowed).", valueName: "hex"))
    var sha256: String?

    @Option(help: ArgumentHelp("An artifact file to search by its SHA-256 digest.", valueName: "file"))
    var artifact: String?

    @Option(help: ArgumentHelp("The signer's email, as in the signing certificate.", valueName: "email"))
    var email: String?

    @Option(name: .customLong("public-key"), help: ArgumentHelp("A PEM public key or certificate of the signer.", valueName: "file"))
    var publicKey: String?

    @Option(name: .customLong("operator"), help: "How several criteria combine: and, or.")
    var combination: SearchOperator?

    @OptionGroup
    var server: LogServerOptions

    @Option(help: "Output format: text or json.")
    var output: OutputFormat = .text

    init() {}

    enum SearchOperator: String, CaseIterable, ExpressibleByArgument {
        case and, or
    }

    func validate() throws {
        guard sha256 != nil || artifact != nil || email != nil || publicKey != nil else {
            throw ValidationError("search by at least one of --sha256, --artifact, --email and --public-key")
        }
        guard sha256 == nil || artifact == nil else {
            throw ValidationError("--sha256 and --artifact are mutually exclusive")
        }
    }

    func run() async throws {
        try await Console.reportingFailures(format: output) {
            let query = RekorV1.SearchIndex(
                email: email, publicKey: try keyCriterion(), hash: try digestCriterion(),
                operator: combination.map { $0 == .and ? .and : .or })
            let uuids = try await server.client().searchIndex(query)
            if output == .json {
                Console.write(JSONOutput.encode(["uuids": uuids]))
            } else if uuids.isEmpty {
                Console.writeError("No matching entries.")
            } else {
                Console.write(uuids.joined(separator: "\n"))
            }
        }
    }

    /// `sha256:<hex>` from `--sha256` or the digest of `--artifact`.
    private func digestCriterion() throws(CLIError) -> String? {
        if let sha256 {
            let hex = (sha256.hasPrefix("sha256:") ? String(sha256.dropFirst("sha256:".count)) : sha256).lowercased()
            guard hex.utf8.count == 64, hex.utf8.allSatisfy({ Self.isHexDigit($0) }) else {
                throw CLIError(.invalidArgument, "--sha256 takes 64 hex digits, not \(String(reflecting: sha256))")
            }
            return "sha256:" + hex
        }
        guard let artifact else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: artifact), options: .alwaysMapped)
        } catch {
            throw CLIError(.unreadableFile, "cannot read the artifact \(artifact): \(error.localizedDescription)")
        }
        return "sha256:" + Hex.encode(HashAlgorithm.sha256.hash(data))
    }

    /// The `--public-key` file as an `x509` search key (a PEM key or certificate).
    private func keyCriterion() throws(CLIError) -> RekorV1.SearchIndex.PublicKey? {
        guard let publicKey else { return nil }
        let pem = try LocalFile.readText(publicKey, what: "public key")
        guard pem.contains("-----BEGIN PUBLIC KEY-----") || pem.contains("-----BEGIN CERTIFICATE-----") else {
            throw CLIError(.invalidDocument, "the public key \(publicKey) is not a PEM public key or certificate")
        }
        return .init(format: .x509, content: Array(pem.utf8))
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
