import Foundation
import LogEngine
import LogStoragePostgres
import LogStorageSQLite
import Logging
import PostgresNIO
import Prometheus
import SigstoreCrypto
import TLogService

extension ProductionStack {
    /// Opens the configured Rekor v1 and v2 logs and loads their trees, so a log whose storage
    /// belongs to another origin or key, or whose hashes do not add up, stops the start.
    mutating func addTransparencyLogs(_ settings: ServeConfiguration.TransparencyLog, metrics: PrometheusCollectorRegistry, logger: Logger) async throws {
        let opener = try makeStorageOpener(settings.storage, key: "transparency-log.storage", logger: logger)
        var logs = TransparencyLogs()
        if let v1 = settings.v1 {
            let key = try Self.loadKey(v1.signingKey)
            let signer: CheckpointSigner
            do {
                signer = try CheckpointSigner.rekorV1(hostname: settings.hostname, treeID: v1.treeID, key: key)
            } catch {
                throw ServeConfigurationError("\(v1.signingKey.key): \(error.message)")
            }
            let storage = try await opener(v1.logName)
            let sequencer = try await Self.startSequencer(storage: storage, signer: signer, settings: settings, log: "v1", logName: v1.logName, metrics: metrics, logger: logger)
            sequencers.append(sequencer)
            logs.v1 = RekorV1Log(sequencer: sequencer, reader: LogReader(storage: storage), signer: signer, treeID: v1.treeID, key: key)
        }
        if let v2 = settings.v2 {
            let key = try Self.loadKey(v2.signingKey)
            guard key.publicKey.algorithm == .ed25519 else {
                throw ServeConfigurationError("\(v2.signingKey.key) must be an Ed25519 key (Rekor v2 checkpoints), not \(key.publicKey.algorithm)")
            }
            let signer: CheckpointSigner
            do {
                signer = try CheckpointSigner.rekorV2(hostname: settings.hostname, key: key)
            } catch {
                throw ServeConfigurationError("\(v2.signingKey.key): \(error.message)")
            }
            let storage = try await opener(v2.logName)
            let sequencer = try await Self.startSequencer(storage: storage, signer: signer, settings: settings, log: "v2", logName: v2.logName, metrics: metrics, logger: logger)
            sequencers.append(sequencer)
            logs.v2 = RekorV2Log(sequencer: sequencer, reader: LogReader(storage: storage), signer: signer)
        }
        services.transparencyLog = logs
    }

    private static func startSequencer(
        storage: any LogStorage, signer: CheckpointSigner, settings: ServeConfiguration.TransparencyLog,
        log: String, logName: String, metrics: PrometheusCollectorRegistry, logger: Logger
    ) async throws -> Sequencer {
        var sequencerLogger = logger
        sequencerLogger[metadataKey: "log"] = "\(log)"
        let sequencer = Sequencer(
            storage: storage, signer: signer, configuration: settings.sequencer, logger: sequencerLogger,
            observer: TransparencyLogMetrics(registry: metrics, log: log)
        )
        let head: TreeHead
        do {
            head = try await sequencer.start()
        } catch let error as LogEngineError {
            throw ServeConfigurationError("transparency-log.\(log) (log \(logName)): \(error.message)")
        }
        logger.info("transparency log ready", metadata: ["log": "\(log)", "origin": "\(signer.origin)", "size": "\(head.size)"])
        return sequencer
    }

    /// A function opening a log by name on the configured storage; errors name `key`.
    mutating func makeStorageOpener(_ storage: ServeConfiguration.Storage, key: String, logger: Logger) throws -> (String) async throws -> any LogStorage {
        switch storage {
        case .sqlite(let directory):
            let url = URL(fileURLWithPath: directory, isDirectory: true)
            return { name in
                do {
                    return try SQLiteLogStorage(directory: url, name: name)
                } catch let error as LogEngineError {
                    throw ServeConfigurationError("\(key).sqlite: \(error.message)")
                }
            }
        case .postgres(let text, let maximumConnections):
            let url: PostgresDatabaseURL
            do {
                url = try PostgresDatabaseURL(text)
            } catch {
                throw ServeConfigurationError("\(key).postgres: \(error.message)")
            }
            var pgLogger = logger
            pgLogger[metadataKey: "component"] = "postgres"
            let client = PostgresClient(configuration: url.clientConfiguration(maximumConnections: maximumConnections), backgroundLogger: pgLogger)
            backgroundTasks.append(Task { await client.run() })
            let location = "\(url.host):\(url.port)"
            return { name in
                try await Self.withTimeout(.seconds(30), "\(key).postgres: no answer from \(location) within 30 s") {
                    do {
                        return try await PostgresLogStorage.open(client: client, logName: name) as any LogStorage
                    } catch let error as PostgresStorageError {
                        throw ServeConfigurationError("\(key).postgres (\(location), log \(name)): \(error.message)")
                    }
                }
            }
        }
    }

    /// Runs `body`, failing with `message` when it takes longer than `limit` (a database that
    /// never answers must not hang the start).
    private static func withTimeout<T: Sendable>(_ limit: Duration, _ message: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw ServeConfigurationError(message)
            }
            return value
        }
    }
}
