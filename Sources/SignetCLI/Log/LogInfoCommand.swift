import ArgumentParser
import ServiceClients
import SigstoreModels
import SigstoreVerify

/// `signet log info`: the log's current tree head, its checkpoint verified against the trusted
/// log key, and with `--previous-checkpoint` proof that the log only grew since. The primitive
/// of a log monitor: run it with `--previous-checkpoint F --save-checkpoint F`.
struct LogInfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show the log's tree head after verifying its signed checkpoint.",
        discussion: """
            With --previous-checkpoint, also fetches and verifies a consistency proof from that \
            checkpoint to the current one; a log that shrank or forked makes the command fail. \
            --save-checkpoint writes the verified checkpoint for the next run.
            """)

    @OptionGroup
    var server: LogServerOptions

    @Option(name: .customLong("previous-checkpoint"),
            help: ArgumentHelp("A checkpoint saved by an earlier run; the log must be consistent with it.", valueName: "file"))
    var previousCheckpoint: String?

    @Option(name: .customLong("save-checkpoint"),
            help: ArgumentHelp("Write the verified checkpoint to this file (it may be the --previous-checkpoint file).", valueName: "file"))
    var saveCheckpoint: String?

    @Option(help: "Output format: text or json.")
    var output: OutputFormat = .text

    init() {}

    func run() async throws {
        try await Console.reportingFailures(format: output) {
            let keys = try server.trustedKeys()
            // Read the previous checkpoint before any network call, so a bad file fails fast.
            let previousText = try previousCheckpoint.map { path throws(CLIError) in try LocalFile.readText(path, what: "previous checkpoint") }
            let client = try server.client()
            let info = try await client.logInfo()
            let current = try VerifiedCheckpoint(info.signedTreeHead, trusting: keys)
            try Self.check(current, describes: info)
            var previous: VerifiedCheckpoint?
            if let previousText {
                previous = try VerifiedCheckpoint(previousText, trusting: keys)
            }
            if let previous {
                try await CheckpointConsistency.check(from: previous, to: current, treeID: info.treeID, client: client)
            }
            if let saveCheckpoint {
                try LocalFile.write(current.text, to: saveCheckpoint)
            }
            let report = LogInfoReport(url: client.baseURL, info: info, checkpoint: current, previous: previous)
            Console.write(output == .json ? JSONOutput.encode(report) : report.text)
        }
    }

    /// The tree head the log reports is the one its checkpoint signs, for the tree ID it names.
    private static func check(_ checkpoint: VerifiedCheckpoint, describes info: RekorV1.LogInfo) throws {
        guard checkpoint.treeSize == UInt64(info.treeSize), checkpoint.rootHash == info.rootHash else {
            throw VerificationError.transparencyLog(
                "the signed checkpoint is for tree size \(checkpoint.treeSize), the log reports \(info.treeSize) with another root")
        }
        guard checkpoint.origin.hasSuffix(" - \(info.treeID)") else {
            throw VerificationError.transparencyLog("the checkpoint origin \(String(reflecting: checkpoint.origin)) does not name tree ID \(info.treeID)")
        }
    }
}
