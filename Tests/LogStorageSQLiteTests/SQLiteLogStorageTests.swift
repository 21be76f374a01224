import Foundation
import GRDB
import Merkle
import LogEngine
import SigstoreTestSupport
import Testing

@testable import LogStorageSQLite

/// The storage contract, and what is particular to SQLite, against a real database file.
@Suite struct SQLiteLogStorageTests {
    let directory: TemporaryDirectory
    let storage: SQLiteLogStorage

    init() throws {
        directory = try TemporaryDirectory()
        storage = try SQLiteLogStorage(path: directory.databasePath)
    }

    @Test(arguments: LogStorageContract.Check.allCases)
    func contract(_ check: LogStorageContract.Check) async throws {
        let directory = try TemporaryDirectory()
        // Every open is a connection pool of its own on the same file: a restarted process.
        try await check.run(opening: { try SQLiteLogStorage(path: directory.databasePath) })
    }

    @Test func everyConnectionIsDurableAndInWALMode() async throws {
        let (journal, synchronous) = try await storage.pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(journal == "wal")
        #expect(synchronous == 2, "2 is FULL: the WAL is synced at every commit")
        let (writerSynchronous, checkpointPages) = try await storage.pool.write { db in
            (try Int.fetchOne(db, sql: "PRAGMA synchronous"), try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint"))
        }
        #expect(writerSynchronous == 2)
        #expect(checkpointPages == SQLiteLogStorage.walCheckpointPages)
    }

    @Test(arguments: [
        ([NodeID.leaf(0), .leaf(1), .leaf(2), NodeID(level: 1, index: 3), .leaf(9)], 3),
        ([NodeID(level: 2, index: 1), NodeID(level: 2, index: 0)], 2),
        ([NodeID](), 0),
    ])
    func nodesAreReadInRunsOfConsecutiveIndices(nodes: [NodeID], runs: Int) {
        let found = SQLiteLogStorage.runs(of: nodes)
        #expect(found.count == runs)
        #expect(found.flatMap { run in run.indices.map { NodeID(level: run.level, index: $0) } } == nodes)
    }
}
