import LogEngine
import LogStoragePostgres
import SigstoreTestSupport
import Testing

/// Kills a real writer process (`tlog-load --postgres`, built next to the tests) with SIGKILL
/// in the middle of concurrent appends, several times over one log, and checks that every
/// entry it acknowledged survived with a valid proof and that the tree never forked.
@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.skipMessage))
struct CrashRecoveryOnPostgresTests {
    @Test(.enabled(if: KilledWriter.loadTool != nil, "tlog-load is built by `swift build --build-tests`"))
    func killedWritersLoseNothingAcknowledged() async throws {
        let tool = try #require(KilledWriter.loadTool)
        let url = try #require(TestDatabase.url)
        let name = TestDatabase.uniqueLogName()
        var acknowledged: [KilledWriter.Acknowledgement] = []
        var heads: [TreeHead] = []
        for killAfter in [150, 400, 250] {
            acknowledged += try await KilledWriter.runAndKill(tool, arguments: ["--postgres", url, "--log", name], after: killAfter)
            let storage = try await RunningClient().open(name)
            heads.append(try await LogReader(storage: storage).latestTreeHead())
        }
        #expect(acknowledged.count >= 800)
        let reader = LogReader(storage: try await RunningClient().open(name))
        try await KilledWriter.expectNothingLost(acknowledged: acknowledged, heads: heads, reader: reader)
    }
}
