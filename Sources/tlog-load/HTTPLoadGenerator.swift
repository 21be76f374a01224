import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOHTTP1
import SigstoreCrypto
import SigstoreModels
import Synchronization

/// Drives a running `signetd` over HTTP: many concurrent clients post distinct hashedrekord
/// entries, signed beforehand with a P-256 key so that the clock measures the server (request
/// parsing, signature verification, durable commit, proof and response), not the signing.
struct HTTPLoadGenerator {
    let options: LoadOptions
    let baseURL: String

    func run() async throws -> String {
        let api = options.httpAPI
        let bodies = try Self.presign(count: options.entries, api: api)
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = options.clients
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(60))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let url = "\(baseURL)/api/\(api)/log/entries"
        let clients = options.clients

        let cursor = Cursor()
        let clock = ContinuousClock()
        let began = clock.now
        let outcomes = try await withThrowingTaskGroup(of: (latencies: [Duration], failures: [String: Int]).self) { group in
            for _ in 0..<clients {
                group.addTask {
                    var latencies: [Duration] = []
                    var failures: [String: Int] = [:]
                    while true {
                        let position = cursor.next.add(1, ordering: .relaxed).oldValue
                        guard position < bodies.count else { break }
                        var request = HTTPClientRequest(url: url)
                        request.method = .POST
                        request.headers.add(name: "Content-Type", value: "application/json")
                        request.body = .bytes(ByteBuffer(bytes: bodies[position]))
                        let sent = clock.now
                        do {
                            let response = try await client.execute(request, timeout: .seconds(60))
                            _ = try await response.body.collect(upTo: 1 << 20)
                            if response.status == .created {
                                latencies.append(clock.now - sent)
                            } else {
                                failures["HTTP \(response.status.code)", default: 0] += 1
                            }
                        } catch {
                            failures["\(type(of: error))", default: 0] += 1
                        }
                    }
                    return (latencies, failures)
                }
            }
            return try await group.reduce(into: [(latencies: [Duration], failures: [String: Int])]()) { $0.append($1) }
        }
        let elapsed = clock.now - began
        try await client.shutdown()
        let latencies = outcomes.flatMap(\.latencies).sorted()
        var failures: [String: Int] = [:]
        for outcome in outcomes { failures.merge(outcome.failures, uniquingKeysWith: +) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        func percentile(_ p: Double) -> String {
            guard !latencies.isEmpty else { return "-" }
            let duration = latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
            return String(format: "%.1f ms", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1e3)
        }
        let failureText = failures.isEmpty ? "none" : failures.sorted { $0.key < $1.key }.map { "\($0.value) × \($0.key)" }.joined(separator: ", ")
        return """
            tlog-load: \(latencies.count) acknowledged (201) HTTP appends to \(url) by \(options.clients) clients in \(String(format: "%.2f", seconds)) s
              throughput  \(Int(Double(latencies.count) / seconds)) appends/s
              latency     p50 \(percentile(0.5))  p90 \(percentile(0.9))  p99 \(percentile(0.99))  max \(percentile(1))
              failures    \(failureText)
            """
    }

    /// Writes `count` presigned request bodies, one compact JSON document a line, to `file`.
    static func writeRequests(count: Int, api: String, to file: URL) throws -> String {
        var text: [UInt8] = []
        for body in try presign(count: count, api: api) {
            precondition(!body.contains(UInt8(ascii: "\n")), "compact JSON holds no raw newline")
            text += body
            text.append(UInt8(ascii: "\n"))
        }
        try Data(text).write(to: file)
        return "tlog-load: wrote \(count) presigned \(api) requests to \(file.path)"
    }

    /// Distinct entries (a random run tag keeps reruns against one log from deduplicating).
    static func presign(count: Int, api: String) throws -> [[UInt8]] {
        let key = try PrivateKey.generate(.ecdsaP256)
        let publicKeyPEM = Array(key.publicKey.pemRepresentation.utf8)
        let run = UUID().uuidString
        return try (0..<count).map { number in
            let digest = Array(SHA256.hash(data: Array("tlog-load \(run) entry \(number)".utf8)))
            let signature = try key.signature(forDigest: digest, hash: .sha256)
            if api == "v1" {
                let spec = RekorV1.HashedRekord(signature: signature, publicKey: publicKeyPEM, data: try RekorHash(algorithm: .sha256, digest: digest))
                return try ProposedEntry.hashedRekordV001(spec).encoded()
            }
            let verifier = RekorV2.Verifier(key: .publicKey(key.publicKey.derRepresentation), keyDetails: "PKIX_ECDSA_P256_SHA_256")
            return try RekorV2.CreateEntryRequest.hashedRekord(.init(digest: digest, signature: .init(content: signature, verifier: verifier))).encoded()
        }
    }
}

/// The next entry to post, shared by the clients.
private final class Cursor: Sendable {
    let next = Atomic<Int>(0)
}
