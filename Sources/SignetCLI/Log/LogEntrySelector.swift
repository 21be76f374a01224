import ArgumentParser
import ServiceClients
import SigstoreModels
import SigstoreVerify

/// `--log-index N` or `--uuid U`: which entry to fetch.
struct LogEntrySelector: ParsableArguments {
    @Option(name: .customLong("log-index"), help: ArgumentHelp("The entry's global log index.", valueName: "n"))
    var logIndex: Int64?

    @Option(help: ArgumentHelp("The entry's 64-hex UUID or 80-hex entry ID.", valueName: "uuid"))
    var uuid: String?

    func validate() throws {
        guard logIndex == nil || uuid == nil else {
            throw ValidationError("--log-index and --uuid are mutually exclusive")
        }
        if let logIndex, logIndex < 0 {
            throw ValidationError("--log-index must not be negative")
        }
    }

    var isEmpty: Bool { logIndex == nil && uuid == nil }

    /// Fetches the selected entry and checks that the log answered with the entry asked for.
    func fetch(from client: RekorV1ReadClient) async throws -> FetchedLogEntry {
        if let logIndex {
            return try await Self.fetch(logIndex: logIndex, from: client)
        }
        guard let uuid else {
            throw CLIError(.invalidArgument, "name the entry with --log-index or --uuid")
        }
        let fetched = try FetchedLogEntry(try await client.entry(uuid: uuid))
        guard fetched.uuid == String(uuid.lowercased().suffix(64)) else {
            throw VerificationError.transparencyLog("asked for entry \(uuid.lowercased()), the log answered with \(fetched.entryID)")
        }
        return fetched
    }

    /// Fetches the entry at `logIndex` and checks that it is the one asked for.
    static func fetch(logIndex: Int64, from client: RekorV1ReadClient) async throws -> FetchedLogEntry {
        let fetched = try FetchedLogEntry(try await client.entry(logIndex: logIndex))
        guard fetched.entry.logIndex == logIndex else {
            throw VerificationError.transparencyLog("asked for log index \(logIndex), the log answered with index \(fetched.entry.logIndex)")
        }
        return fetched
    }
}
