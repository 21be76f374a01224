import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
@testable import ServerSupport
import SigstoreCrypto
import SigstoreModels
import SigstoreTestSupport
import Testing

/// `/metrics` of a `signetd serve` transparency log: appends, duplicates, refusals, batches,
/// commit latency and tree size move as entries come in.
@Suite struct ServeMetricsTests {
    static let json: HTTPFields = [.contentType: "application/json"]

    @Test func appendsMoveTheCounters() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let v1Key = directory.file("v1.pem")
        try PrivateKey.generate(.ecdsaP256).pemRepresentation.write(to: v1Key, atomically: true, encoding: .utf8)
        let v2Key = directory.file("v2.pem")
        try PrivateKey.generate(.ed25519).pemRepresentation.write(to: v2Key, atomically: true, encoding: .utf8)
        let configuration = try ServeConfiguration(yaml: """
            transparency-log:
              hostname: metrics.example.com
              storage: {sqlite: \(directory.file("data").path)}
              v1: {signing-key: \(v1Key.path), tree-id: 5}
              v2: {signing-key: \(v2Key.path)}
            """)
        let metrics = PrometheusCollectorRegistry()
        let stack = try await ProductionStack.prepare(configuration, metrics: metrics, logger: Logger(label: "test"))
        let app = SignetApplication.build(configuration: ServerConfiguration(host: "127.0.0.1", port: 0), services: stack.services, metrics: metrics)
        let signer = try EntrySigner()

        try await app.test(.router) { client in
            let before = try await Self.scrape(client)
            #expect(before["signet_tlog_tree_size{log=\"v1\"}"] == 0)
            #expect(before["signet_tlog_entries_appended_total{log=\"v1\",kind=\"hashedrekord\"}"] == 0)

            let first = try signer.v1HashedRekord(artifact: "metrics 0")
            for number in 0..<3 {
                let body = number == 0 ? first : try signer.v1HashedRekord(artifact: "metrics \(number)")
                #expect(try await client.execute(uri: "/api/v1/log/entries", method: .post, headers: Self.json, body: ByteBuffer(bytes: body)).status == .created)
            }
            #expect(try await client.execute(uri: "/api/v1/log/entries", method: .post, headers: Self.json, body: ByteBuffer(bytes: first)).status == .conflict)
            #expect(try await client.execute(uri: "/api/v1/log/entries", method: .post, headers: Self.json, body: ByteBuffer(string: "{not json")).status == .badRequest)
            for number in 0..<2 {
                let body = try signer.v2HashedRekord(artifact: "metrics v2 \(number)")
                #expect(try await client.execute(uri: "/api/v2/log/entries", method: .post, headers: Self.json, body: ByteBuffer(bytes: body)).status == .created)
            }
            let oversized = ByteBuffer(repeating: UInt8(ascii: "x"), count: ServerLimits.maxTransparencyLogEntryBody + 1)
            #expect(try await client.execute(uri: "/api/v2/log/entries", method: .post, headers: Self.json, body: oversized).status == .contentTooLarge)

            let after = try await Self.scrape(client)
            #expect(after["signet_tlog_entries_appended_total{log=\"v1\",kind=\"hashedrekord\"}"] == 3)
            #expect(after["signet_tlog_entries_appended_total{log=\"v2\",kind=\"hashedrekord\"}"] == 2)
            #expect(after["signet_tlog_entries_appended_total{log=\"v1\",kind=\"dsse\"}"] == 0)
            #expect(after["signet_tlog_duplicate_submissions_total{log=\"v1\"}"] == 1)
            #expect(after["signet_tlog_tree_size{log=\"v1\"}"] == 3)
            #expect(after["signet_tlog_tree_size{log=\"v2\"}"] == 2)
            #expect(after["signet_tlog_rejected_requests_total{log=\"v1\",reason=\"duplicate\"}"] == 1)
            #expect(after["signet_tlog_rejected_requests_total{log=\"v1\",reason=\"invalid_entry\"}"] == 1)
            #expect(after["signet_tlog_rejected_requests_total{log=\"v2\",reason=\"too_large\"}"] == 1)
            // One commit per sequential append: three batches of one entry each on v1.
            #expect(after["signet_tlog_batch_entries_count{log=\"v1\"}"] == 3)
            #expect(after["signet_tlog_batch_entries_sum{log=\"v1\"}"] == 3)
            #expect(after["signet_tlog_commit_duration_seconds_count{log=\"v1\"}"] == 3)
            #expect((after["signet_tlog_commit_duration_seconds_sum{log=\"v1\"}"] ?? 0) > 0)
            #expect(after["signet_tlog_commit_failures_total{log=\"v1\"}"] == 0)
        }
        await stack.stop()
    }

    /// The Prometheus text exposition as `series → value`.
    static func scrape(_ client: some TestClientProtocol) async throws -> [String: Double] {
        let response = try await client.execute(uri: "/metrics", method: .get)
        #expect(response.status == .ok)
        return MetricsText.values(String(buffer: response.body))
    }
}

/// Signs hashedrekord entries for the Rekor v1 and v2 APIs with a fresh P-256 key.
struct EntrySigner: Sendable {
    let key: PrivateKey

    init() throws {
        key = try PrivateKey.generate(.ecdsaP256)
    }

    func v1HashedRekord(artifact: String) throws -> [UInt8] {
        let digest = Array(SHA256.hash(data: Array(artifact.utf8)))
        let signature = try key.signature(forDigest: digest, hash: .sha256)
        let spec = RekorV1.HashedRekord(signature: signature, publicKey: Array(key.publicKey.pemRepresentation.utf8), data: try RekorHash(algorithm: .sha256, digest: digest))
        return try ProposedEntry.hashedRekordV001(spec).encoded()
    }

    func v2HashedRekord(artifact: String) throws -> [UInt8] {
        let digest = Array(SHA256.hash(data: Array(artifact.utf8)))
        let signature = try key.signature(forDigest: digest, hash: .sha256)
        let verifier = RekorV2.Verifier(key: .publicKey(key.publicKey.derRepresentation), keyDetails: "PKIX_ECDSA_P256_SHA_256")
        let request = RekorV2.CreateEntryRequest.hashedRekord(.init(digest: digest, signature: .init(content: signature, verifier: verifier)))
        return try request.encoded()
    }
}
