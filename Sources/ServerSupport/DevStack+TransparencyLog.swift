import Foundation
import LogEngine
import LogStorageSQLite
import Prometheus
import SigstoreCrypto
import TLogService

extension DevStack {
    /// The Rekor v1 log (P-256 key, origin `<host> - <treeID>`) and the Rekor v2 log (Ed25519 key,
    /// origin `<host>`), each in its own SQLite file under `tlog/`. Keys and the v1 tree ID are
    /// created on first start and reused, so the trust configuration stays valid across restarts.
    static func makeTransparencyLogs(files: DataDirectory, host: String, metrics: PrometheusCollectorRegistry?) throws -> TransparencyLogs {
        let v1Key = try files.privateKey("tlog/v1/signing-key.pem", creating: .ecdsaP256)
        let treeID = try persistentTreeID(files: files)
        let v1Storage = try SQLiteLogStorage(path: files.url("tlog/v1/log.sqlite").path)
        let v1Signer = try CheckpointSigner.rekorV1(hostname: host, treeID: treeID, key: v1Key)
        let v1Sequencer = Sequencer(storage: v1Storage, signer: v1Signer, observer: metrics.map { TransparencyLogMetrics(registry: $0, log: "v1") })
        let v1 = RekorV1Log(sequencer: v1Sequencer, reader: LogReader(storage: v1Storage), signer: v1Signer, treeID: treeID, key: v1Key)

        let v2Key = try files.privateKey("tlog/v2/signing-key.pem", creating: .ed25519)
        let v2Storage = try SQLiteLogStorage(path: files.url("tlog/v2/log.sqlite").path)
        let v2Signer = try CheckpointSigner.rekorV2(hostname: host, key: v2Key)
        let v2Sequencer = Sequencer(storage: v2Storage, signer: v2Signer, observer: metrics.map { TransparencyLogMetrics(registry: $0, log: "v2") })
        let v2 = RekorV2Log(sequencer: v2Sequencer, reader: LogReader(storage: v2Storage), signer: v2Signer)

        // Publishes the signed empty tree head of a new log, so reads answer before the first write.
        Task {
            _ = try? await v1Sequencer.start()
            _ = try? await v2Sequencer.start()
        }
        return TransparencyLogs(v1: v1, v2: v2)
    }

    /// A random positive tree ID, kept in `tlog/v1/tree-id`.
    private static func persistentTreeID(files: DataDirectory) throws -> Int64 {
        let file = files.url("tlog/v1/tree-id")
        if let text = try? String(contentsOf: file, encoding: .utf8),
            let treeID = Int64(text.trimmingCharacters(in: .whitespacesAndNewlines))
        {
            return treeID
        }
        let treeID = Int64.random(in: 1...Int64.max)
        try files.write("\(treeID)\n", to: "tlog/v1/tree-id", secret: false)
        return treeID
    }
}
