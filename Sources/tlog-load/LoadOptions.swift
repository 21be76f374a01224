import Foundation
import LogEngine

/// Command-line options of the load generator.
struct LoadOptions {
    var entries = 100_000
    var clients = 64
    var configuration = SequencerConfiguration()
    var directory: URL?
    /// A PostgreSQL URL: load a new log in that database instead of a SQLite file.
    var postgresURL: String?
    /// The PostgreSQL log to append to (continuing it if it exists); a fresh one by default.
    var postgresLogName: String?
    /// Print "<index> <leaf hash hex>" for every acknowledged entry, for crash tests that kill
    /// the process and then check that everything acknowledged survived.
    var printsAcknowledgements = false
    /// A running signetd's base URL (`http://127.0.0.1:8080`): post signed entries over HTTP
    /// instead of driving a sequencer in this process.
    var httpURL: String?
    /// The Rekor API the HTTP mode posts to: `v1` or `v2`.
    var httpAPI = "v2"
    /// Write `entries` presigned request bodies for `httpAPI`, one JSON document a line, to this
    /// file and exit: for an external HTTP load generator (Scripts/benchmark-tlog drives `wrk`).
    var requestsFile: URL?

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    init(arguments: [String]) throws {
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            if flag == "--print-acknowledged" {
                printsAcknowledgements = true
                continue
            }
            guard let value = remaining.popFirst() else {
                throw UsageError(description: "\(flag) needs a value")
            }
            switch flag {
            case "--entries": entries = try Self.positive(value, flag)
            case "--clients": clients = try Self.positive(value, flag)
            case "--batch-size": configuration.maximumBatchSize = try Self.positive(value, flag)
            case "--batch-age-ms": configuration.maximumBatchAge = .milliseconds(try Self.positive(value, flag, allowZero: true))
            case "--directory": directory = URL(fileURLWithPath: value)
            case "--postgres": postgresURL = value
            case "--log": postgresLogName = value
            case "--write-requests": requestsFile = URL(fileURLWithPath: value)
            case "--http": httpURL = value.hasSuffix("/") ? String(value.dropLast()) : value
            case "--api":
                guard ["v1", "v2"].contains(value) else { throw UsageError(description: "--api expects v1 or v2, not \(value)") }
                httpAPI = value
            default: throw UsageError(description: "unknown option \(flag)")
            }
        }
    }

    private static func positive(_ text: String, _ flag: String, allowZero: Bool = false) throws -> Int {
        guard let value = Int(text), value > 0 || (allowZero && value == 0) else {
            throw UsageError(description: "\(flag) expects a positive integer, not \(text)")
        }
        return value
    }
}
