import Dispatch
import Foundation
import Merkle
import LogEngine
import LogStoragePostgres
import Testing

/// Kills a real writer process (`tlog-load --postgres`, built next to the tests) with SIGKILL
/// in the middle of concurrent appends, several times over one log, and checks that every
/// entry it acknowledged survived with a valid proof and that the tree never forked.
@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.skipMessage))
struct CrashRecoveryOnPostgresTests {
    struct Acknowledgement: Hashable {
        var index: UInt64
        var leafHash: [UInt8]
    }

    /// The `tlog-load` executable in the build directory holding the test binary.
    static let loadTool: URL? = {
        let candidates = [
            URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        return candidates.map { $0.appendingPathComponent("tlog-load") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    @Test(.enabled(if: loadTool != nil, "tlog-load is built by `swift build --build-tests`"))
    func killedWritersLoseNothingAcknowledged() async throws {
        let tool = try #require(Self.loadTool)
        let url = try #require(TestDatabase.url)
        let name = TestDatabase.uniqueLogName()
        var acknowledged: [Acknowledgement] = []
        var heads: [TreeHead] = []
        for killAfter in [150, 400, 250] {
            acknowledged += try await Self.runAndKill(tool, arguments: ["--postgres", url, "--log", name], after: killAfter)
            let storage = try await RunningClient().open(name)
            heads.append(try await LogReader(storage: storage).latestTreeHead())
        }
        #expect(acknowledged.count >= 800)
        #expect(Set(acknowledged.map(\.index)).count == acknowledged.count, "no index was acknowledged twice")

        let reader = LogReader(storage: try await RunningClient().open(name))
        let final = try await reader.latestTreeHead()
        for ack in acknowledged {
            let stored = try #require(try await reader.entry(at: ack.index))
            #expect(stored.leafHash == ack.leafHash)
            let proof = try await reader.inclusionProof(leafIndex: ack.index, treeSize: final.size)
            try proof.verify(leafHash: ack.leafHash, rootHash: final.rootHash)
        }
        for head in heads {
            #expect(try await reader.rootHash(treeSize: head.size) == head.rootHash)
            let proof = try await reader.consistencyProof(from: head.size, to: final.size)
            try proof.verify(oldRoot: head.rootHash, newRoot: final.rootHash)
        }
    }

    /// Runs the writer until it acknowledged `count` entries, kills it, and returns every
    /// acknowledgement it printed, including those still in the pipe.
    static func runAndKill(_ tool: URL, arguments: [String], after count: Int) async throws -> [Acknowledgement] {
        try await withCheckedThrowingContinuation { continuation in
            // Blocking pipe reads belong on a thread of their own, not the cooperative pool.
            DispatchQueue.global().async {
                continuation.resume(with: Result { try runAndKillBlocking(tool, arguments: arguments, after: count) })
            }
        }
    }

    private static func runAndKillBlocking(_ tool: URL, arguments: [String], after count: Int) throws -> [Acknowledgement] {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments + ["--entries", "1000000", "--clients", "32", "--print-acknowledged"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()

        let output = pipe.fileHandleForReading
        var pendingText = ""
        var acknowledgements: [Acknowledgement] = []
        func consume(_ data: Data) {
            pendingText += String(decoding: data, as: UTF8.self)
            while let newline = pendingText.firstIndex(of: "\n") {
                let fields = pendingText[..<newline].split(separator: " ")
                if fields.count == 2, let index = UInt64(fields[0]) {
                    acknowledgements.append(Acknowledgement(index: index, leafHash: [UInt8](hex: String(fields[1]))))
                }
                pendingText.removeSubrange(...newline)
            }
        }
        while acknowledgements.count < count {
            let chunk = output.availableData
            if chunk.isEmpty { break }
            consume(chunk)
        }
        kill(process.processIdentifier, SIGKILL)
        while case let chunk = output.availableData, !chunk.isEmpty {
            consume(chunk)
        }
        process.waitUntilExit()
        return acknowledgements
    }
}
