public import Logging
import Merkle
public import LogEngine
public import PostgresNIO

/// A ``LogStorage`` in PostgreSQL: the scale-out storage, where several `signetd` replicas
/// append to and read from one database without forking the tree.
///
/// Many logs share one database: each has a row in `tlog_log` and its rows in the other tables
/// carry that row's id (see the schema in `PostgresLogSchema`).
///
/// ## Hosting
/// The storage runs on a postgres-nio `PostgresClient` (a connection pool) that its host owns
/// and keeps running: add the client to the server's `ServiceGroup` (it is a ServiceLifecycle
/// `Service`) or run `client.run()` in a task that lives as long as the storage. Several logs
/// may share one client.
///
/// ```swift
/// let url = try PostgresDatabaseURL("postgres://signet@db.internal/signet")
/// let client = PostgresClient(configuration: url.clientConfiguration())
/// group.addTask { await client.run() }          // or: ServiceGroup(services: [client, …])
/// let storage = try await PostgresLogStorage.open(client: client, logName: "log2026-1")
/// ```
///
/// ## Durability and concurrency
/// Each ``append(_:)`` is one transaction that first locks the log's head row with
/// `SELECT … FOR UPDATE`; a writer whose batch does not extend the locked size fails with
/// ``LogEngineError/Code/staleTreeHead`` and the sequencer reloads and retries. Connections run
/// with `synchronous_commit=on` (the server default, also requested at connection start by
/// ``PostgresDatabaseURL``), so a returned append has its WAL flushed. Each read is a single
/// statement, hence one consistent snapshot.
public final class PostgresLogStorage: LogStorage {
    /// The connection pool; its host must keep `run()` going.
    public let client: PostgresClient
    /// The log's name, unique in the database.
    public let logName: String
    /// The log's `tlog_log.id`.
    let logID: Int32
    let logger: Logger

    private init(client: PostgresClient, logName: String, logID: Int32, logger: Logger) {
        self.client = client
        self.logName = logName
        self.logID = logID
        self.logger = logger
    }

    /// Opens the log named `logName`, migrating the schema and registering the log on first use.
    /// Safe to call from several replicas at once.
    ///
    /// - Throws: ``PostgresStorageError`` with ``PostgresStorageError/Code/incompatibleSchema``
    ///   for a schema from a newer build, ``PostgresStorageError/Code/invalidConfiguration`` when
    ///   the server runs with `synchronous_commit=off`, ``PostgresStorageError/Code/unavailable``
    ///   when the database cannot be reached or refuses the migration.
    public static func open(client: PostgresClient, logName: String, logger: Logger = Logger(label: "signet.tlog.postgres", factory: { _ in SwiftLogNoOpLogHandler() })) async throws -> PostgresLogStorage {
        do {
            try await PostgresLogSchema.migrate(client, logger: logger)
            var durability = ""
            for try await setting in try await client.query("SELECT current_setting('synchronous_commit')", logger: logger).decode(String.self) {
                durability = setting
            }
            guard durability != "off" else {
                throw PostgresStorageError(.invalidConfiguration, "the database runs with synchronous_commit=off, so acknowledged entries could be lost")
            }
            try await client.query("INSERT INTO tlog_log (name) VALUES (\(logName)) ON CONFLICT (name) DO NOTHING", logger: logger)
            var logID: Int32?
            for try await id in try await client.query("SELECT id FROM tlog_log WHERE name = \(logName)", logger: logger).decode(Int32.self) {
                logID = id
            }
            guard let logID else {
                throw PostgresStorageError(.unavailable, "log \(logName) vanished right after it was registered")
            }
            return PostgresLogStorage(client: client, logName: logName, logID: logID, logger: logger)
        } catch let error as PostgresStorageError {
            throw error
        } catch let error as PostgresTransactionError where error.closureError is PostgresStorageError {
            throw error.closureError!
        } catch {
            throw PostgresStorageError(.unavailable, "cannot open log \(logName): \(PostgresStorageError.describe(error))")
        }
    }

    public func latestTreeHead() async throws -> TreeHead? {
        try await treeHeads("SELECT size, root_hash, checkpoint FROM tlog_log WHERE id = \(logID) AND size IS NOT NULL").first
    }

    public func treeHead(size: UInt64) async throws -> TreeHead? {
        guard let size = Int64(exactly: size) else { return nil }
        return try await treeHeads("SELECT size, root_hash, checkpoint FROM tlog_tree_head WHERE log_id = \(logID) AND size = \(size)").first
    }

    public func entries(in range: Range<UInt64>) async throws -> [LoggedEntry] {
        guard !range.isEmpty, let lower = Int64(exactly: range.lowerBound) else { return [] }
        let upper = Int64(clamping: range.upperBound)
        return try await entries("""
            SELECT idx, leaf_hash, integrated_time, body FROM tlog_entry
            WHERE log_id = \(logID) AND idx >= \(lower) AND idx < \(upper) ORDER BY idx
            """)
    }

    /// One round trip for the whole list (`= ANY` over a `bytea[]`), whatever its length.
    public func entries(withLeafHashes leafHashes: [[UInt8]]) async throws -> [LoggedEntry] {
        guard !leafHashes.isEmpty else { return [] }
        let buffers = leafHashes.map { ByteBuffer(bytes: $0) }
        return try await entries("""
            SELECT idx, leaf_hash, integrated_time, body FROM tlog_entry
            WHERE log_id = \(logID) AND leaf_hash = ANY(\(buffers)::bytea[])
            """)
    }

    public func indices(matching key: SearchKey, limit: Int) async throws -> [UInt64] {
        let kind = Int16(key.kind.rawValue)
        let limit = Int64(max(limit, 0))
        return try await run("search") {
            var indices: [UInt64] = []
            let rows = try await client.query("""
                SELECT idx FROM tlog_search_key WHERE log_id = \(logID) AND kind = \(kind) AND value = \(key.value)
                ORDER BY idx LIMIT \(limit)
                """, logger: logger)
            for try await index in rows.decode(Int64.self) {
                indices.append(UInt64(index))
            }
            return indices
        }
    }

    /// Runs `body`, mapping database errors to ``LogEngineError/Code/storageFailure``.
    func run<T>(_ action: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw PostgresStorageError.logEngineError(error, while: action)
        }
    }

    private func treeHeads(_ query: PostgresQuery) async throws -> [TreeHead] {
        try await run("read") {
            var heads: [TreeHead] = []
            for try await (size, root, checkpoint) in try await client.query(query, logger: logger).decode((Int64, ByteBuffer, String).self) {
                heads.append(TreeHead(size: UInt64(size), rootHash: Array(root.readableBytesView), checkpoint: checkpoint))
            }
            return heads
        }
    }

    private func entries(_ query: PostgresQuery) async throws -> [LoggedEntry] {
        try await run("read") {
            var entries: [LoggedEntry] = []
            for try await (index, leafHash, time, body) in try await client.query(query, logger: logger).decode((Int64, ByteBuffer, Int64, ByteBuffer).self) {
                entries.append(LoggedEntry(index: UInt64(index), leafHash: Array(leafHash.readableBytesView), body: Array(body.readableBytesView), integratedTime: time))
            }
            return entries
        }
    }
}
