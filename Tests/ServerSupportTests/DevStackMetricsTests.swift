import Foundation
import NIOHTTP1
import SigstoreTestSupport
import Testing

/// `signetd --dev` reports its transparency logs' appends at `/metrics`, as `serve --config` does.
@Suite struct DevStackMetricsTests {
    @Test func appendsToTheDevLogsMoveTheCounters() async throws {
        try await CertificateAuthorityLiveDevStack.run { stack in
            let before = try await Self.scrape(stack)
            #expect(before["signet_tlog_entries_appended_total{log=\"v1\",kind=\"hashedrekord\"}"] == 0)
            #expect(before["signet_tlog_entries_appended_total{log=\"v2\",kind=\"hashedrekord\"}"] == 0)

            let signer = try EntrySigner()
            for number in 0..<2 {
                let v1 = try signer.v1HashedRekord(artifact: "dev metrics \(number)")
                #expect(try await stack.request("/api/v1/log/entries", method: .POST, json: String(decoding: v1, as: UTF8.self)).status == 201)
            }
            let v2 = try signer.v2HashedRekord(artifact: "dev metrics v2")
            #expect(try await stack.request("/api/v2/log/entries", method: .POST, json: String(decoding: v2, as: UTF8.self)).status == 201)

            let after = try await Self.scrape(stack)
            #expect(after["signet_tlog_entries_appended_total{log=\"v1\",kind=\"hashedrekord\"}"] == 2)
            #expect(after["signet_tlog_entries_appended_total{log=\"v2\",kind=\"hashedrekord\"}"] == 1)
            #expect(after["signet_tlog_tree_size{log=\"v1\"}"] == 2)
            #expect(after["signet_tlog_tree_size{log=\"v2\"}"] == 1)
        }
    }

    static func scrape(_ stack: CertificateAuthorityLiveDevStack) async throws -> [String: Double] {
        let reply = try await stack.request("/metrics")
        #expect(reply.status == 200)
        return MetricsText.values(String(decoding: reply.body, as: UTF8.self))
    }
}
