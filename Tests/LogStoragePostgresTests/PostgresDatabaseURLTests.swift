import PostgresNIO
import Testing
import LogStoragePostgres

@Suite struct PostgresDatabaseURLTests {
    @Test func aFullURLIsSplitIntoItsParts() throws {
        let url = try PostgresDatabaseURL("postgres://signet:p%40ss@db.internal:6543/logs?sslmode=require")
        #expect(url.host == "db.internal")
        #expect(url.port == 6543)
        #expect(url.username == "signet")
        #expect(url.password == "p@ss")
        #expect(url.database == "logs")
        #expect(url.sslMode == "require")
    }

    @Test func defaultsArePort5432AndPreferredTLS() throws {
        let url = try PostgresDatabaseURL("postgresql://signet@127.0.0.1")
        #expect(url.port == 5432)
        #expect(url.password == nil)
        #expect(url.database == nil)
        #expect(url.sslMode == "prefer")
    }

    @Test func everyConnectionAsksForSynchronousCommit() throws {
        let configuration = try PostgresDatabaseURL("postgres://signet@127.0.0.1/logs?sslmode=disable").clientConfiguration(maximumConnections: 3)
        #expect(configuration.options.additionalStartupParameters.map { "\($0.0)=\($0.1)" } == ["synchronous_commit=on"])
        #expect(configuration.options.maximumConnections == 3)
        #expect(configuration.database == "logs")
    }

    @Test(arguments: [
        "mysql://signet@127.0.0.1/logs",
        "postgres://127.0.0.1/logs",
        "postgres://signet@/logs",
        "postgres://signet@127.0.0.1/logs?sslmode=verify-full",
        "postgres://signet@127.0.0.1/logs?application_name=x",
        "not a url",
    ])
    func unusableURLsAreRefused(text: String) {
        let error = #expect(throws: PostgresStorageError.self) { try PostgresDatabaseURL(text) }
        #expect(error?.code == .invalidConfiguration)
    }

    @Test func passwordsAreLeftOutOfErrorMessages() {
        let error = #expect(throws: PostgresStorageError.self) { try PostgresDatabaseURL("postgres://signet:secret@127.0.0.1/logs?sslmode=bogus") }
        #expect(error?.message.contains("secret") == false)
        let missingUser = #expect(throws: PostgresStorageError.self) { try PostgresDatabaseURL("postgres://:secret@127.0.0.1/logs") }
        #expect(missingUser?.message.contains("secret") == false)
    }
}
