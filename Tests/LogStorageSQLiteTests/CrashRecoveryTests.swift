import Foundation
import LogEngine
import LogStorageSQLite
import SigstoreTestSupport
import Testing

/// Kills a real writer process (`tlog-load`, built next to the tests) with SIGKILL in the
/// middle of concurrent appends, several times over one database, and checks that every entry
/// it acknowledged survived with a valid proof and that the tree never forked.
@Suite struct CrashRecoveryTests {
    @Test(.enabled(if: KilledWriter.loadTool != nil, "tlog-load is built by `swift build --build-tests`"))
    func killedWritersLoseNothingAcknowledged() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let tool = try #require(KilledWriter.loadTool)
        var acknowledged: [KilledWriter.Acknowledgement] = []
        var heads: [TreeHead] = []
        for killAfter in [150, 400, 250] {
            acknowledged += try await KilledWriter.runAndKill(tool, arguments: ["--directory", directory.url.path], after: killAfter)
            let storage = try SQLiteLogStorage(directory: directory.url, name: "log")
            heads.append(try await LogReader(storage: storage).latestTreeHead())
        }
        #expect(acknowledged.count >= 800)
        let reader = LogReader(storage: try SQLiteLogStorage(directory: directory.url, name: "log"))
        try await KilledWriter.expectNothingLost(acknowledged: acknowledged, heads: heads, reader: reader)
    }
}
