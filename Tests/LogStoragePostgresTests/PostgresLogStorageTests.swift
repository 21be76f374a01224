import LogEngine
import Merkle
import LogStoragePostgres
import PostgresNIO
import SigstoreTestSupport
import Testing

/// The storage contract, and what is particular to PostgreSQL, against a real server.
@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.skipMessage))
struct PostgresLogStorageTests {
    @Test(arguments: LogStorageContract.Check.allCases)
    func contract(_ check: LogStorageContract.Check) async throws {
        let name = TestDatabase.uniqueLogName()
        // Every open is a pool of its own: a restarted process or another replica.
        try await check.run(opening: { try await RunningClient().open(name) })
    }

    @Test func connectionsCommitSynchronouslyAndTheSchemaIsCurrent() async throws {
        let storage = try await TestDatabase.newStorage()
        var settings: [String] = []
        for try await setting in try await storage.client.query("SELECT current_setting('synchronous_commit')").decode(String.self) {
            settings.append(setting)
        }
        #expect(settings == ["on"])
        var versions: [Int32] = []
        for try await version in try await storage.client.query("SELECT max(version) FROM signet_tlog_schema").decode(Int32.self) {
            versions.append(version)
        }
        #expect(versions == [1])
    }

    /// The rolled-back batch of the contract reports the server's reason.
    @Test func aFailingBatchNamesTheUniqueViolation() async throws {
        let storage = try await TestDatabase.newStorage()
        var builder = BatchBuilder()
        try await storage.append(try builder.batch(bodies: [Array("a".utf8)]))
        let batch = try builder.batch(bodies: [Array("b".utf8), Array("a".utf8)])
        let error = await #expect(throws: LogEngineError.self) { try await storage.append(batch) }
        #expect(error?.message.contains("23505") == true, "the SQLSTATE of a unique violation: \(error?.message ?? "")")
    }

    /// Logs in one database share tables but never each other's rows.
    @Test func logsInOneDatabaseAreIndependent() async throws {
        let first = try await TestDatabase.newStorage()
        let second = try await TestDatabase.newStorage()
        var one = BatchBuilder()
        var other = BatchBuilder()
        let key = try SearchKey(.identity, "shared@example.com")
        try await first.append(try one.batch(bodies: [Array("same".utf8), Array("first".utf8)], keys: [[key], [key]]))
        // The same body at index 0 of another log is no duplicate there.
        try await second.append(try other.batch(bodies: [Array("same".utf8)], keys: [[key]]))

        #expect(try await first.latestTreeHead()?.size == 2)
        #expect(try await second.latestTreeHead()?.size == 1)
        #expect(try await second.entries(in: 0..<10).map(\.body) == [Array("same".utf8)])
        #expect(try await first.indices(matching: key, limit: 10) == [0, 1])
        #expect(try await second.indices(matching: key, limit: 10) == [0])
        #expect(try await second.entries(withLeafHashes: [MerkleHash.leaf(Array("first".utf8))]).isEmpty)
        #expect(try await first.rootHash(treeSize: 2) == one.range.rootHash)
    }
}
