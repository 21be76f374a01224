import Foundation
import Logging
import PostgresNIO
import Testing
import LogStoragePostgres

/// The real PostgreSQL server the tests run against: `SIGNET_TEST_POSTGRES_URL`, set by
/// `Scripts/with-postgres` (which `Scripts/test` runs the suite under). Bare `swift test`
/// leaves it unset and the suites that need it are skipped with a message saying so.
enum TestDatabase {
    static let url: String? = ProcessInfo.processInfo.environment["SIGNET_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    static let isConfigured = url != nil

    static let skipMessage: Comment = "SIGNET_TEST_POSTGRES_URL is unset: run under Scripts/with-postgres (Scripts/test does) for the PostgreSQL tests"

    /// One pool for the whole test process, as a server would have.
    static let shared: RunningClient? = try? RunningClient()

    /// A log name no other test uses, so tests share the database without seeing each other.
    static func uniqueLogName() -> String {
        "test-\(UUID().uuidString.lowercased())"
    }

    /// A freshly opened storage for a new log on the shared pool.
    static func newStorage() async throws -> PostgresLogStorage {
        let shared = try #require(shared)
        return try await PostgresLogStorage.open(client: shared.client, logName: uniqueLogName())
    }
}

/// A connection pool of its own: a replica or a restarted process. It runs until the test
/// process ends (idle connections close after the pool's idle timeout), so a storage opened
/// on it stays usable however long the test holds the storage alone.
final class RunningClient: Sendable {
    let client: PostgresClient

    init(maximumConnections: Int = 8) throws {
        guard let url = TestDatabase.url else {
            throw PostgresStorageError(.invalidConfiguration, "SIGNET_TEST_POSTGRES_URL is unset")
        }
        let client = PostgresClient(configuration: try PostgresDatabaseURL(url).clientConfiguration(maximumConnections: maximumConnections))
        self.client = client
        Task { await client.run() }
    }

    func open(_ logName: String) async throws -> PostgresLogStorage {
        try await PostgresLogStorage.open(client: client, logName: logName)
    }
}
