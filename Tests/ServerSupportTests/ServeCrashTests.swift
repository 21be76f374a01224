import AsyncHTTPClient
import Foundation
import Merkle
import NIOCore
import NIOHTTP1
import SignedNote
import SigstoreCrypto
import SigstoreModels
import SigstoreTestSupport
import Synchronization
import Testing

/// The issue's crash test: the real `signetd serve` executable takes concurrent Rekor v1 and v2
/// appends over HTTP and is killed with SIGKILL at random moments, five times over its logs.
/// After every restart each acknowledged (201) entry is at its index with a valid inclusion
/// proof against the new signed checkpoint, and that checkpoint is consistent with every
/// checkpoint seen before (v1 through its proof endpoints, v2 through its tiles).
@Suite(.serialized) struct ServeCrashTests {
    static let postgresURL = ProcessInfo.processInfo.environment["SIGNET_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    @Test(.enabled(if: ServeProcess.executable != nil, "signetd is built by `swift build --build-tests`"), .timeLimit(.minutes(2)))
    func killedServerOnSQLiteLosesNothingAcknowledged() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await Self.crashRounds(storage: "{sqlite: \(directory.file("data").path)}", logName: "rekor", directory: directory)
    }

    @Test(.enabled(if: ServeProcess.executable != nil && postgresURL != nil, "needs signetd and SIGNET_TEST_POSTGRES_URL (Scripts/with-postgres)"), .timeLimit(.minutes(2)))
    func killedServerOnPostgresLosesNothingAcknowledged() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try #require(Self.postgresURL)
        try await Self.crashRounds(storage: "{postgres: '\(url)'}", logName: "crash-\(UUID().uuidString.lowercased())", directory: directory)
    }

    struct Acknowledged: Hashable {
        var index: Int64
        var leafHash: [UInt8]
    }

    struct Checkpoint: Hashable {
        var size: Int64
        var rootHash: [UInt8]
    }

    /// What one log acknowledged and proved against, across rounds.
    struct History {
        var acknowledged: [Acknowledged] = []
        var checkpoints: Set<Checkpoint> = []
    }

    /// What the appending clients were told, shared between them.
    final class Record: Sendable {
        let state = Mutex<(v1: History, v2: History)>((History(), History()))

        func add(_ ack: Acknowledged, seen checkpoint: Checkpoint, v2: Bool) {
            state.withLock {
                if v2 {
                    $0.v2.acknowledged.append(ack)
                    $0.v2.checkpoints.insert(checkpoint)
                } else {
                    $0.v1.acknowledged.append(ack)
                    $0.v1.checkpoints.insert(checkpoint)
                }
            }
        }
    }

    static func crashRounds(storage: String, logName: String, directory: TemporaryDirectory, rounds: Int = 5) async throws {
        let executable = try #require(ServeProcess.executable)
        let key = try PrivateKey.generate(.ecdsaP256)
        try key.pemRepresentation.write(to: directory.file("v1.pem"), atomically: true, encoding: .utf8)
        let v2Key = try PrivateKey.generate(.ed25519)
        try v2Key.pemRepresentation.write(to: directory.file("v2.pem"), atomically: true, encoding: .utf8)
        let configuration = directory.file("signetd.yaml")
        try """
            transparency-log:
              hostname: crash.example.com
              storage: \(storage)
              sequencer: {max-batch-age: 1ms}
              v1: {signing-key: \(directory.file("v1.pem").path), tree-id: 77, log-name: \(logName)-v1}
              v2: {signing-key: \(directory.file("v2.pem").path), log-name: \(logName)-v2}
            """.write(to: configuration, atomically: true, encoding: .utf8)
        let verifiers = (
            v1: try RekorNoteVerifier(name: "crash.example.com", publicKey: key.publicKey, flavour: .v1),
            v2: try RekorNoteVerifier(name: "crash.example.com", publicKey: v2Key.publicKey, flavour: .v2)
        )

        var configurationHTTP = HTTPClient.Configuration()
        configurationHTTP.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 32
        configurationHTTP.timeout = .init(connect: .seconds(2), read: .seconds(10))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configurationHTTP)
        let signer = try EntrySigner()
        do {
            try await run(rounds: rounds, executable: executable, configuration: configuration, client: client, signer: signer, verifiers: verifiers)
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    private static func run(
        rounds: Int, executable: URL, configuration: URL, client: HTTPClient, signer: EntrySigner,
        verifiers: (v1: RekorNoteVerifier, v2: RekorNoteVerifier)
    ) async throws {
        var v1 = History()
        var v2 = History()
        for round in 0...rounds {
            let server = try await ServeProcess(executable: executable, configuration: configuration)
            do {
                v1.checkpoints.insert(try await verify(server, client: client, noteVerifier: verifiers.v1, acknowledged: v1.acknowledged, checkpoints: Array(v1.checkpoints)))
                v2.checkpoints.insert(try await verifyV2(server, client: client, noteVerifier: verifiers.v2, acknowledged: v2.acknowledged, checkpoints: Array(v2.checkpoints)))
            } catch {
                await server.kill()
                throw error
            }
            guard round < rounds else {
                let status = await server.terminate()
                #expect(status == 0, "signetd stops cleanly on SIGTERM")
                break
            }
            let record = try await appendUntilKilled(server, client: client, signer: signer, round: round)
            #expect(record.v1.acknowledged.count > 0 && record.v2.acknowledged.count > 0, "round \(round) acknowledged entries on both logs before the kill")
            v1.acknowledged += record.v1.acknowledged
            v1.checkpoints.formUnion(record.v1.checkpoints)
            v2.acknowledged += record.v2.acknowledged
            v2.checkpoints.formUnion(record.v2.checkpoints)
        }
        for history in [v1, v2] {
            #expect(Set(history.acknowledged.map(\.index)).count == history.acknowledged.count, "no index was acknowledged twice")
            #expect(history.acknowledged.count >= rounds * 10)
        }
        print("ServeCrashTests: \(v1.acknowledged.count) v1 and \(v2.acknowledged.count) v2 acknowledged appends survived \(rounds) SIGKILLs; \(v1.checkpoints.count + v2.checkpoints.count) checkpoints checked for consistency")
    }

    /// Posts entries from 16 concurrent clients (8 per API) and kills the server after a random
    /// delay. Returns what was acknowledged (201) and the checkpoints the responses proved against.
    static func appendUntilKilled(_ server: ServeProcess, client: HTTPClient, signer: EntrySigner, round: Int) async throws -> (v1: History, v2: History) {
        let record = Record()
        let delay = Duration.milliseconds(Int.random(in: 400...1_500))
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<16 {
                let isV2 = worker % 2 == 1
                group.addTask {
                    var number = 0
                    while true {
                        number += 1
                        let artifact = "round \(round) worker \(worker) entry \(number) \(UUID())"
                        guard let body = try? (isV2 ? signer.v2HashedRekord(artifact: artifact) : signer.v1HashedRekord(artifact: artifact)) else { return }
                        var request = HTTPClientRequest(url: "\(server.baseURL)/api/\(isV2 ? "v2" : "v1")/log/entries")
                        request.method = .POST
                        request.headers.add(name: "Content-Type", value: "application/json")
                        request.body = .bytes(ByteBuffer(bytes: body))
                        // Any failure means the server is gone: nothing more can be acknowledged.
                        guard let response = try? await client.execute(request, timeout: .seconds(10)),
                            let bytes = try? await response.body.collect(upTo: 1 << 20)
                        else { return }
                        guard response.status == .created else {
                            Issue.record("append answered \(response.status): \(String(buffer: bytes))")
                            return
                        }
                        do {
                            let (ack, checkpoint) = isV2 ? try v2Acknowledgement(Array(buffer: bytes)) : try v1Acknowledgement(Array(buffer: bytes))
                            record.add(ack, seen: checkpoint, v2: isV2)
                        } catch {
                            Issue.record("unusable 201 body: \(error)")
                            return
                        }
                    }
                }
            }
            group.addTask {
                try? await Task.sleep(for: delay)
                await server.kill()
            }
        }
        return record.state.withLock { $0 }
    }

    /// Reads an acknowledged v1 entry from a 201 body, checking its inclusion proof.
    static func v1Acknowledgement(_ body: [UInt8]) throws -> (Acknowledged, Checkpoint) {
        let created = try RekorV1.LogEntryResponse(decoding: body)
        let proof = try #require(created.entry.verification?.inclusionProof)
        let leafHash = MerkleHash.leaf(try #require(created.entry.bodyBytes))
        try InclusionProof(leafIndex: UInt64(created.entry.logIndex), treeSize: UInt64(proof.treeSize), hashes: proof.hashes)
            .verify(leafHash: leafHash, rootHash: proof.rootHash)
        return (Acknowledged(index: created.entry.logIndex, leafHash: leafHash), Checkpoint(size: proof.treeSize, rootHash: proof.rootHash))
    }

    /// Checks the restarted log: its signed checkpoint, every acknowledged entry with an
    /// inclusion proof against it, and its consistency with every earlier checkpoint.
    static func verify(_ server: ServeProcess, client: HTTPClient, noteVerifier: RekorNoteVerifier, acknowledged: [Acknowledged], checkpoints: [Checkpoint]) async throws -> Checkpoint {
        let info = try RekorV1.LogInfo(decoding: try await get("\(server.baseURL)/api/v1/log", client: client))
        let note = try Note(parsing: info.signedTreeHead)
        try note.verify(with: [noteVerifier], policy: .everyLineByKnownKey)
        let checkpoint = try SignedNote.Checkpoint(note: note)
        #expect(Int64(checkpoint.treeSize) == info.treeSize && checkpoint.rootHash == info.rootHash)
        let current = Checkpoint(size: info.treeSize, rootHash: info.rootHash)
        #expect(acknowledged.allSatisfy { $0.index < current.size }, "the restarted tree holds every acknowledged index")

        try await withThrowingTaskGroup(of: Void.self) { group in
            for (position, ack) in acknowledged.enumerated() {
                if position >= 8 { try await group.next() }
                group.addTask {
                    let response = try RekorV1.LogEntryResponse(decoding: try await get("\(server.baseURL)/api/v1/log/entries?logIndex=\(ack.index)", client: client))
                    let body = try #require(response.entry.bodyBytes)
                    #expect(MerkleHash.leaf(body) == ack.leafHash, "entry \(ack.index) is the one acknowledged")
                    let proof = try #require(response.entry.verification?.inclusionProof)
                    #expect(proof.treeSize == current.size && proof.rootHash == current.rootHash)
                    try InclusionProof(leafIndex: UInt64(ack.index), treeSize: UInt64(current.size), hashes: proof.hashes)
                        .verify(leafHash: ack.leafHash, rootHash: current.rootHash)
                }
            }
            try await group.waitForAll()
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (position, earlier) in Set(checkpoints).filter({ $0.size > 0 }).enumerated() {
                if position >= 8 { try await group.next() }
                group.addTask {
                    #expect(earlier.size <= current.size, "the tree never shrinks")
                    let proof = try RekorV1.ConsistencyProof(decoding: try await get("\(server.baseURL)/api/v1/log/proof?firstSize=\(earlier.size)&lastSize=\(current.size)", client: client))
                    try ConsistencyProof(oldSize: UInt64(earlier.size), newSize: UInt64(current.size), hashes: proof.hashes)
                        .verify(oldRoot: earlier.rootHash, newRoot: current.rootHash)
                }
            }
            try await group.waitForAll()
        }
        return current
    }

    static func get(_ url: String, client: HTTPClient) async throws -> [UInt8] {
        let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 22)
        #expect(response.status == .ok, "GET \(url): \(String(buffer: body))")
        return Array(buffer: body)
    }
}
