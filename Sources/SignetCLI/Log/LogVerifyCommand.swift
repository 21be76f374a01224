import SigstoreCrypto
import ArgumentParser
import SigstoreModels
import SigstoreVerify

/// `signet log verify (--log-index N | --uuid U | --bundle B)`: fetches an entry and verifies
/// it offline against the trusted root; for a bundle, also that the log holds the bundle's body.
struct LogVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify that the log holds an entry: inclusion proof, checkpoint signature and SET.",
        discussion: """
            With --bundle, the entry at the bundle's log index is fetched and its canonical body must \
            equal the bundle's. Exits 0 only when every check passes.
            """)

    @OptionGroup(title: "Entry")
    var selector: LogEntrySelector

    @Option(help: ArgumentHelp("A Sigstore bundle whose transparency log entry to check.", valueName: "file"))
    var bundle: String?

    @OptionGroup
    var server: LogServerOptions

    @Option(help: "Output format: text or json.")
    var output: OutputFormat = .text

    init() {}

    func validate() throws {
        let chosen = [selector.logIndex != nil, selector.uuid != nil, bundle != nil].filter { $0 }.count
        guard chosen == 1 else {
            throw ValidationError("name the entry with exactly one of --log-index, --uuid and --bundle")
        }
    }

    func run() async throws {
        try await Console.reportingFailures(format: output) {
            let keys = try server.trustedKeys()
            let client = try server.client()
            let fetched: FetchedLogEntry
            var bundled: TransparencyLogEntry?
            if let bundle {
                let entry = try Self.loggedEntry(inBundle: bundle)
                fetched = try await LogEntrySelector.fetch(logIndex: entry.logIndex, from: client)
                bundled = entry
            } else {
                fetched = try await selector.fetch(from: client)
            }
            let checkpoint = try fetched.verify(trusting: keys)
            if let bundled {
                try Self.check(fetched, matches: bundled)
            }
            let report = LogEntryReport(fetched, checkpoint: checkpoint, failure: nil, includeBody: false)
            Console.write(output == .json ? JSONOutput.encode(report) : report.text)
        }
    }

    /// The bundle's Rekor v1 entry.
    private static func loggedEntry(inBundle path: String) throws(CLIError) -> TransparencyLogEntry {
        let bundle = try LocalFile.decode(SigstoreBundle.self, at: path, what: "bundle")
        guard let entry = bundle.verificationMaterial.tlogEntries.first else {
            throw CLIError(.invalidDocument, "the bundle \(path) has no transparency log entry")
        }
        // hashedrekord and dsse 0.0.2 are the Rekor v2 kinds; intoto 0.0.2 is a v1 kind.
        let isRekorV2 = ["hashedrekord", "dsse"].contains(entry.kindVersion.kind) && entry.kindVersion.version == "0.0.2"
        guard !isRekorV2 else {
            throw CLIError(.invalidDocument,
                           "the bundle's entry is a Rekor v2 \(entry.kindVersion.kind) \(entry.kindVersion.version) entry; Rekor v2 logs have no v1 API to read it from")
        }
        return entry
    }

    /// The log's entry is the bundle's: same body bytes, same log, same integrated time.
    private static func check(_ fetched: FetchedLogEntry, matches bundled: TransparencyLogEntry) throws(VerificationError) {
        guard Hex.encode(bundled.logId.keyId) == fetched.entry.logID.lowercased() else {
            throw VerificationError.transparencyLog("the bundle's entry is in log \(Hex.encode(bundled.logId.keyId)), the fetched one in \(fetched.entry.logID.lowercased())")
        }
        guard fetched.body == bundled.canonicalizedBody else {
            throw VerificationError.transparencyLog("the log's entry at index \(fetched.entry.logIndex) has a different body from the bundle's")
        }
        guard bundled.integratedTime == 0 || bundled.integratedTime == fetched.entry.integratedTime else {
            throw VerificationError.transparencyLog(
                "the bundle says the entry was integrated at \(bundled.integratedTime), the log says \(fetched.entry.integratedTime)")
        }
    }
}
