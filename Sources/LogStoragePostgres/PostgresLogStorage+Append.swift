import Logging
import Merkle
public import LogEngine
import PostgresNIO

extension PostgresLogStorage {
    /// Writes the batch in one transaction after locking the log's head row and checking that
    /// it still has the batch's previous size: `BEGIN`, the locking `SELECT`, one statement
    /// writing every row, `COMMIT` — four round trips whatever the batch size.
    public func append(_ batch: AppendBatch) async throws {
        try batch.validate()
        guard Int64(exactly: batch.treeHead.size) != nil else {
            throw LogEngineError(.invalidBatch, "tree size \(batch.treeHead.size) does not fit the database's 63-bit integers")
        }
        let logID = logID
        let logger = logger
        try await run("append") {
            try await client.withTransaction(logger: logger) { connection in
                try await Self.checkHead(of: logID, for: batch, on: connection, logger: logger)
                try await Self.insert(batch, logID: logID, on: connection, logger: logger)
            }
        }
    }

    private static func checkHead(of logID: Int32, for batch: AppendBatch, on connection: PostgresConnection, logger: Logger) async throws {
        var latestSize: UInt64 = 0
        var latestRoot: [UInt8]?
        let rows = try await connection.query("SELECT size, root_hash FROM tlog_log WHERE id = \(logID) FOR UPDATE", logger: logger)
        for try await (size, root) in rows.decode((Int64?, ByteBuffer?).self) {
            latestSize = size.map { UInt64($0) } ?? 0
            latestRoot = root.map { Array($0.readableBytesView) }
        }
        guard latestSize == batch.previousSize else {
            throw LogEngineError(.staleTreeHead, "the batch extends tree size \(batch.previousSize) but the log is at \(latestSize)")
        }
        // An empty batch re-signs the current size; it must not change that size's root.
        if batch.entries.isEmpty, let latestRoot, latestRoot != batch.treeHead.rootHash {
            throw LogEngineError(.invalidBatch, "a new checkpoint for size \(latestSize) has a different root hash")
        }
    }

    /// All of a batch's rows in one statement: each table's rows arrive as parallel arrays that
    /// `unnest` turns into rows, and data-modifying CTEs chain the inserts, so the whole write
    /// is one round trip whatever the batch size (an empty array inserts nothing).
    private static func insert(_ batch: AppendBatch, logID: Int32, on connection: PostgresConnection, logger: Logger) async throws {
        let entryIndices = batch.entries.map { Int64($0.index) }
        let leafHashes = batch.entries.map { ByteBuffer(bytes: $0.leafHash) }
        let times = batch.entries.map(\.integratedTime)
        let bodies = batch.entries.map { ByteBuffer(bytes: $0.body) }
        let kinds = batch.searchKeys.map { Int16($0.key.kind.rawValue) }
        let values = batch.searchKeys.map(\.key.value)
        let keyIndices = batch.searchKeys.map { Int64($0.index) }
        // Leaves live in the entry table; only interior perfect subtrees go to the node table.
        let interior = batch.nodes.filter { $0.node.level > 0 }
        let levels = interior.map { Int16($0.node.level) }
        let nodeIndices = interior.map { Int64($0.node.index) }
        let hashes = interior.map { ByteBuffer(bytes: $0.hash) }
        let size = Int64(batch.treeHead.size)
        let root = ByteBuffer(bytes: batch.treeHead.rootHash)
        let checkpoint = batch.treeHead.checkpoint
        try await connection.query("""
            WITH new_entries AS (
                INSERT INTO tlog_entry (log_id, idx, leaf_hash, integrated_time, body)
                SELECT \(logID), * FROM unnest(\(entryIndices)::bigint[], \(leafHashes)::bytea[], \(times)::bigint[], \(bodies)::bytea[])
            ), new_keys AS (
                INSERT INTO tlog_search_key (log_id, kind, value, idx)
                SELECT \(logID), * FROM unnest(\(kinds)::smallint[], \(values)::text[], \(keyIndices)::bigint[])
                ON CONFLICT DO NOTHING
            ), new_nodes AS (
                INSERT INTO tlog_node (log_id, level, idx, hash)
                SELECT \(logID), * FROM unnest(\(levels)::smallint[], \(nodeIndices)::bigint[], \(hashes)::bytea[])
            ), new_head AS (
                INSERT INTO tlog_tree_head (log_id, size, root_hash, checkpoint) VALUES (\(logID), \(size), \(root), \(checkpoint))
                ON CONFLICT (log_id, size) DO UPDATE SET checkpoint = excluded.checkpoint
            )
            UPDATE tlog_log SET size = \(size), root_hash = \(root), checkpoint = \(checkpoint) WHERE id = \(logID)
            """, logger: logger)
    }
}
