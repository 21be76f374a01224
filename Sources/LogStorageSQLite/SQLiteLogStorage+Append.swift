import Foundation
import GRDB
import Merkle
public import LogEngine

extension SQLiteLogStorage {
    /// Writes the batch in one `IMMEDIATE` transaction, after checking under the write lock that
    /// the latest tree head still has the batch's previous size.
    public func append(_ batch: AppendBatch) async throws {
        try batch.validate()
        guard Int64(exactly: batch.treeHead.size) != nil else {
            throw LogEngineError(.invalidBatch, "tree size \(batch.treeHead.size) does not fit the database's 63-bit integers")
        }
        do {
            try await pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try Self.checkHead(db, for: batch)
                    try Self.insert(batch, into: db)
                    return .commit
                }
            }
        } catch let error as LogEngineError {
            throw error
        } catch {
            throw LogEngineError(.storageFailure, "log database append failed: \(error)")
        }
    }

    private static func checkHead(_ db: Database, for batch: AppendBatch) throws {
        let latest = try Row.fetchOne(db, sql: "SELECT size, root_hash FROM tree_head ORDER BY size DESC LIMIT 1")
        let latestSize = latest.map { UInt64($0[0] as Int64) } ?? 0
        guard latestSize == batch.previousSize else {
            throw LogEngineError(.staleTreeHead, "the batch extends tree size \(batch.previousSize) but the log is at \(latestSize)")
        }
        // An empty batch re-signs the current size; it must not change that size's root.
        if batch.entries.isEmpty, let latest, [UInt8](latest[1] as Data) != batch.treeHead.rootHash {
            throw LogEngineError(.invalidBatch, "a new checkpoint for size \(latestSize) has a different root hash")
        }
    }

    private static func insert(_ batch: AppendBatch, into db: Database) throws {
        let entry = try db.cachedStatement(sql: "INSERT INTO entry (idx, leaf_hash, integrated_time, body) VALUES (?, ?, ?, ?)")
        for item in batch.entries {
            try entry.execute(arguments: [Int64(item.index), Data(item.leafHash), item.integratedTime, Data(item.body)])
        }
        let key = try db.cachedStatement(sql: "INSERT OR IGNORE INTO search_key (kind, value, idx) VALUES (?, ?, ?)")
        for indexed in batch.searchKeys {
            try key.execute(arguments: [indexed.key.kind.rawValue, indexed.key.value, Int64(indexed.index)])
        }
        // Leaves live in the entry table; only interior perfect subtrees go to the node table.
        let node = try db.cachedStatement(sql: "INSERT INTO node (level, idx, hash) VALUES (?, ?, ?)")
        for created in batch.nodes where created.node.level > 0 {
            try node.execute(arguments: [created.node.level, Int64(created.node.index), Data(created.hash)])
        }
        try db.cachedStatement(sql: """
            INSERT INTO tree_head (size, root_hash, checkpoint) VALUES (?, ?, ?)
            ON CONFLICT (size) DO UPDATE SET checkpoint = excluded.checkpoint
            """).execute(arguments: [Int64(batch.treeHead.size), Data(batch.treeHead.rootHash), batch.treeHead.checkpoint])
    }
}
