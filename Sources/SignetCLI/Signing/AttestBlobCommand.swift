import ArgumentParser
import Foundation
import SigstoreCrypto
import SigstoreModels
import SigstoreSign

/// `signet attest-blob FILE --predicate P --type T --bundle OUT`: wraps a predicate in an in-toto
/// statement about FILE (subject: its name and SHA-256), signs it as a DSSE envelope, and writes a
/// Sigstore bundle, with cosign's flags.
struct AttestBlobCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attest-blob",
        abstract: "Attest to a file with an in-toto statement and write a Sigstore bundle.",
        discussion: """
            --type takes a predicate type URI or one of cosign's shortcuts (custom, slsaprovenance, \
            slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, link, vuln, openvex). Signing \
            works as for sign-blob.
            """)

    @Argument(help: ArgumentHelp("The file the attestation is about.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The predicate: a JSON document.", valueName: "file"))
    var predicate: String

    @Option(help: ArgumentHelp("The predicate type: a URI or a cosign shortcut.", valueName: "type"))
    var type: String = "custom"

    @Option(help: ArgumentHelp("Where to write the Sigstore bundle.", valueName: "file"))
    var bundle: String

    @OptionGroup(title: "Signing")
    var signing: SigningFlags

    @Option(help: ArgumentHelp("Also write the base64 signature here.", valueName: "file"))
    var outputSignature: String?

    @Option(help: ArgumentHelp("Also write the signing certificate (PEM) here.", valueName: "file"))
    var outputCertificate: String?

    init() {}

    func run() async throws {
        try await Console.reportingFailures(format: .text) {
            let statement = try Self.statement(about: file, predicatePath: predicate, type: type)
            let signer = try signing.signer()
            let credential = try await signing.credential(for: signer)
            let signed = try await signer.sign(.inTotoStatement(statement), with: credential)
            try BundleOutput(bundlePath: bundle, signaturePath: outputSignature, certificatePath: outputCertificate).write(signed)
            Console.writeError("Wrote the bundle to \(bundle)")
        }
    }

    /// The serialized in-toto v1 statement: subject = the file's name and SHA-256 (hex).
    static func statement(about file: String, predicatePath: String, type: String) throws -> [UInt8] {
        let predicateType = try PredicateType.uri(for: type)
        let artifact = try LocalFile.read(file, what: "file to attest")
        let predicateBytes = try LocalFile.read(predicatePath, what: "predicate")
        let predicate: JSONValue
        do {
            predicate = try JSONValue(parsing: predicateBytes, limits: JSONLimits(maxBytes: LocalFile.maximumDocumentSize))
        } catch {
            throw CLIError(.invalidDocument, "the predicate \(predicatePath) is not JSON: \(error)")
        }
        let digest = Hex.encode(HashAlgorithm.sha256.hash(artifact))
        let subject = InTotoSubject(name: URL(fileURLWithPath: file).lastPathComponent, digest: ["sha256": digest])
        do {
            return try InTotoStatement(subjects: [subject], predicateType: predicateType, predicate: predicate).encoded()
        } catch {
            throw CLIError(.invalidDocument, "the statement cannot be encoded: \(error)")
        }
    }
}
