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
