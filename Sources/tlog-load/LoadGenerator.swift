import Crypto
import Foundation
import Logging
import Synchronization
import SigstoreCrypto
import LogEngine
import LogStoragePostgres
import LogStorageSQLite
import PostgresNIO

/// Runs many concurrent submitters against a fresh SQLite log (or a new log in PostgreSQL with
/// `--postgres URL`) and reports throughput, latency percentiles and batch sizes. Entries look like Rekor v2 hashedrekord bodies (~450 bytes)
/// with two search keys each, so the storage does realistic work per entry.
struct LoadGenerator {
    let options: LoadOptions

    func run() async throws -> String {
        let directory = options.directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("tlog-load-\(UUID().uuidString)")
        defer {
            if options.directory == nil { try? FileManager.default.removeItem(at: directory) }
        }
        let postgres = try options.postgresURL.map { try PostgresDatabaseURL($0) }
        let client = postgres.map { PostgresClient(configuration: $0.clientConfiguration(maximumConnections: 4)) }
        let clientRunner = client.map { client in Task { await client.run() } }
        defer { clientRunner?.cancel() }
        let storage: any LogStorage = if let client {
            try await PostgresLogStorage.open(client: client, logName: options.postgresLogName ?? "load-\(UUID().uuidString.lowercased())")
        } else {
            try SQLiteLogStorage(directory: directory, name: "log")
        }
        let signer = try CheckpointSigner.rekorV2(hostname: "load.test.example", key: PrivateKey.generate(.ed25519))
        let sequencer = Sequencer(storage: storage, signer: signer, configuration: options.configuration, logger: Logger(label: "tlog-load", factory: { _ in SwiftLogNoOpLogHandler() }))
        let start = try await sequencer.start().size

        let clock = ContinuousClock()
        let began = clock.now
        let clients = options.clients
        let perClient = options.entries / clients
        let samples = try await withThrowingTaskGroup(of: [(Duration, UInt64)].self) { group in
            for client in 0..<clients {
                group.addTask {
                    var mine: [(Duration, UInt64)] = []
                    mine.reserveCapacity(perClient)
                    for number in 0..<perClient {
                        let submission = try Self.submission(client: client, number: number, run: start)
                        let sent = clock.now
                        let result = try await sequencer.submit(submission)
                        mine.append((clock.now - sent, result.treeHead.size))
                        if options.printsAcknowledgements {
                            Self.acknowledge(result.entry)
                        }
                    }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let elapsed = clock.now - began
        let final = try await storage.latestTreeHead()
        await sequencer.shutdown()

        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let sorted = samples.map(\.0).sorted()
        // Every commit publishes one tree head, so distinct acknowledged sizes count commits.
        let batches = Set(samples.map(\.1)).count
        func percentile(_ p: Double) -> String {
            let duration = sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
            return String(format: "%.1f ms", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1e3)
        }
        let appended = (final?.size ?? 0) - start
        let fileSize = (try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("log.sqlite").path)[.size] as? Int) ?? 0
        return """
            tlog-load: \(appended) durable appends by \(clients) clients in \(String(format: "%.2f", seconds)) s
              throughput  \(Int(Double(appended) / seconds)) appends/s
              latency     p50 \(percentile(0.5))  p90 \(percentile(0.9))  p99 \(percentile(0.99))  max \(percentile(1))
              batches     \(batches) commits, \(String(format: "%.1f", Double(appended) / Double(max(batches, 1)))) entries each on average
              database    \(postgres.map { "PostgreSQL at \($0.host):\($0.port)" } ?? "\(fileSize / 1_048_576) MiB main file (WAL not included)"), batch size ≤ \(options.configuration.maximumBatchSize), batch age \(options.configuration.maximumBatchAge)
            """
    }

    private static let output = Mutex(())

    /// One line per durable entry, written straight to the file descriptor so that nothing
    /// acknowledged sits in a buffer when the process is killed.
    private static func acknowledge(_ entry: LoggedEntry) {
        let line = "\(entry.index) \(Hex.encode(entry.leafHash))\n"
        output.withLock { _ in FileHandle.standardOutput.write(Data(line.utf8)) }
    }

    private static func submission(client: Int, number: Int, run: UInt64) throws -> EntrySubmission {
        let digest = SHA256.hash(data: Array("run \(run) client \(client) entry \(number)".utf8))
        let hex = Hex.encode(digest)
        let base64 = Data(digest).base64EncodedString()
        let signature = Data(repeating: UInt8(client & 0xFF), count: 72).base64EncodedString()
        let certificate = Data(repeating: 0x30, count: 180).base64EncodedString()
        let body = #"{"apiVersion":"0.0.2","kind":"hashedrekord","spec":{"hashedRekordV002":{"data":{"algorithm":"SHA2_256","digest":"\#(base64)"},"signature":{"content":"\#(signature)","verifier":{"keyDetails":"PKIX_ECDSA_P256_SHA_256","x509Certificate":{"rawBytes":"\#(certificate)"}}}}}}"#
        return EntrySubmission(body: Array(body.utf8), searchKeys: [
            try SearchKey(.artifactSHA256, hex),
            try SearchKey(.identity, "client-\(client)@load.test.example"),
        ])
    }
}
