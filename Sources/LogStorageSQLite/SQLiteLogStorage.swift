public import Foundation
import GRDB
import Merkle
public import LogEngine

/// A ``LogStorage`` in one SQLite file per log (GRDB `DatabasePool`, WAL journal).
///
/// Durability: `synchronous = FULL`, so the WAL is fsynced at every commit and an appended
/// batch survives power loss once ``append(_:)`` returns. One writer connection serialises
/// appends (each an `IMMEDIATE` transaction that checks the tree head first); readers use
/// their own WAL snapshots and never block it. Several processes may open the same file:
/// SQLite's file lock serialises their writes, and the head check rejects stale ones.
public final class SQLiteLogStorage: LogStorage {
    let pool: DatabasePool

    /// WAL size, in pages, at which a commit checkpoints it into the main file.
    static let walCheckpointPages = 10_000

    /// Opens (creating if needed) the log database at `path` and brings its schema up to date.
    ///
    /// - Throws: ``LogEngineError/Code/storageFailure`` when the file cannot be opened or migrated.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Checkpoints copy WAL pages into the main file and sync it, inside whichever
            // commit crosses the threshold; fewer, larger checkpoints rewrite hot pages (the
            // tree's tail, fresh index leaves) less often. See walCheckpointPages.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.walCheckpointPages)")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // GRDB switches the writer to synchronous=NORMAL when it enables WAL, after
            // prepareDatabase ran; NORMAL skips the sync at commit, so an acknowledged batch
            // could be lost on power failure. FULL syncs the WAL at every commit.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            try LogSchema.migrator().migrate(pool)
        } catch {
            throw LogEngineError(.storageFailure, "cannot open the log database at \(path): \(error)")
        }
    }

    /// Opens `<directory>/<name>.sqlite`, creating the directory if needed.
    public convenience init(directory: URL, name: String) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw LogEngineError(.storageFailure, "cannot create the log directory \(directory.path): \(error)")
        }
        try self.init(path: directory.appendingPathComponent("\(name).sqlite").path)
    }

    public func latestTreeHead() async throws -> TreeHead? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT size, root_hash, checkpoint FROM tree_head ORDER BY size DESC LIMIT 1").map(Self.treeHead)
        }
    }

    public func treeHead(size: UInt64) async throws -> TreeHead? {
        guard let size = Int64(exactly: size) else { return nil }
        return try await read { db in
            try Row.fetchOne(db, sql: "SELECT size, root_hash, checkpoint FROM tree_head WHERE size = ?", arguments: [size]).map(Self.treeHead)
        }
    }

    public func entries(in range: Range<UInt64>) async throws -> [LoggedEntry] {
        guard !range.isEmpty, let lower = Int64(exactly: range.lowerBound) else { return [] }
        let upper = Int64(clamping: range.upperBound)
        return try await read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT idx, leaf_hash, integrated_time, body FROM entry WHERE idx >= ? AND idx < ? ORDER BY idx",
                arguments: [lower, upper]
            ).map(Self.entry)
        }
    }

    public func entries(withLeafHashes leafHashes: [[UInt8]]) async throws -> [LoggedEntry] {
        guard !leafHashes.isEmpty else { return [] }
        return try await read { db in
            // Point lookups through one cached statement; an IN list would cache a prepared
            // statement per list length.
            let statement = try db.cachedStatement(sql: "SELECT idx, leaf_hash, integrated_time, body FROM entry WHERE leaf_hash = ?")
            return try leafHashes.compactMap { leafHash in
                try Row.fetchOne(statement, arguments: [Data(leafHash)]).map(Self.entry)
            }
        }
    }

    public func indices(matching key: SearchKey, limit: Int) async throws -> [UInt64] {
        try await read { db in
            try Int64.fetchAll(
                db,
                sql: "SELECT idx FROM search_key WHERE kind = ? AND value = ? ORDER BY idx LIMIT ?",
                arguments: [key.kind.rawValue, key.value, max(limit, 0)]
            ).map { UInt64($0) }
        }
    }

    /// Runs a read in a WAL snapshot, mapping database errors to ``LogEngineError``.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch let error as LogEngineError {
            throw error
        } catch {
            throw LogEngineError(.storageFailure, "log database read failed: \(error)")
        }
    }

    static func treeHead(_ row: Row) -> TreeHead {
        TreeHead(size: UInt64(row[0] as Int64), rootHash: [UInt8](row[1] as Data), checkpoint: row[2])
    }

    static func entry(_ row: Row) -> LoggedEntry {
        LoggedEntry(index: UInt64(row[0] as Int64), leafHash: [UInt8](row[1] as Data), body: [UInt8](row[3] as Data), integratedTime: row[2])
    }
}
