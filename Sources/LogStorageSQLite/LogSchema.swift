import GRDB

/// The tables of one log's SQLite file, created and upgraded by migrations.
///
/// - `entry`: one row per leaf, keyed by index; the leaf hash doubles as the level-0 node hash
///   and, through its unique index, as the duplicate check (v1 UUID lookup).
/// - `node`: perfect subtrees above the leaves, keyed by (level, index); written once.
/// - `tree_head`: one row per committed batch, the signed checkpoint of each published size.
/// - `search_key`: the `(kind, value) → index` index behind Rekor's search API.
///
/// Indices and sizes are stored as SQLite's signed 64-bit integers, which bounds a log at 2⁶³
/// entries.
enum LogSchema {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: entries, nodes, tree heads, search keys") { db in
            try db.execute(sql: """
                CREATE TABLE entry (
                    idx INTEGER PRIMARY KEY,
                    leaf_hash BLOB NOT NULL UNIQUE,
                    integrated_time INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE TABLE node (
                    level INTEGER NOT NULL,
                    idx INTEGER NOT NULL,
                    hash BLOB NOT NULL,
                    PRIMARY KEY (level, idx)
                ) WITHOUT ROWID;
                CREATE TABLE tree_head (
                    size INTEGER PRIMARY KEY,
                    root_hash BLOB NOT NULL,
                    checkpoint TEXT NOT NULL
                );
                CREATE TABLE search_key (
                    kind INTEGER NOT NULL,
                    value TEXT NOT NULL,
                    idx INTEGER NOT NULL,
                    PRIMARY KEY (kind, value, idx)
                ) WITHOUT ROWID;
                """)
        }
        return migrator
    }
}
