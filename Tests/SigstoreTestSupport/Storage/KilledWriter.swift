import Dispatch
public import Foundation
public import LogEngine
import Merkle
import Testing

/// Runs a real writer process (`tlog-load`, built next to the tests), kills it with SIGKILL in
/// the middle of concurrent appends, and checks afterwards that nothing it acknowledged was lost.
public enum KilledWriter {
    /// One entry the writer reported durable: its index and leaf hash.
    public struct Acknowledgement: Hashable, Sendable {
        public var index: UInt64
        public var leafHash: [UInt8]
    }

    /// The `tlog-load` executable in the build directory holding the test binary.
    public static let loadTool: URL? = ProcessRunner.builtExecutable(named: "tlog-load")

    /// Runs `tlog-load ARGUMENTS --print-acknowledged` until it acknowledged `count` entries,
    /// kills it, and returns every acknowledgement it printed, including those still in the pipe.
    public static func runAndKill(_ tool: URL, arguments: [String], after count: Int) async throws -> [Acknowledgement] {
        try await withCheckedThrowingContinuation { continuation in
            // Blocking pipe reads belong on a thread of their own, not the cooperative pool.
            DispatchQueue.global().async {
                continuation.resume(with: Result { try runAndKillBlocking(tool, arguments: arguments, after: count) })
            }
        }
    }

    /// Every acknowledged entry is stored at its index with a valid inclusion proof against the
    /// final tree head, and every tree head seen between crashes is consistent with it.
    public static func expectNothingLost(acknowledged: [Acknowledgement], heads: [TreeHead], reader: LogReader) async throws {
        #expect(Set(acknowledged.map(\.index)).count == acknowledged.count, "no index was acknowledged twice")
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

    private static func runAndKillBlocking(_ tool: URL, arguments: [String], after count: Int) throws -> [Acknowledgement] {
        let pipe = try ChildProcess.pipe()
        let output = PipeReader(descriptor: pipe.read)
        let started = Result {
            let input = try ChildProcess.open("/dev/null", forWriting: false)
            defer { close(input) }
            let discarded = try ChildProcess.open("/dev/null", forWriting: true)
            defer { close(discarded) }
            return try ChildProcess(
                tool, arguments + ["--entries", "1000000", "--clients", "32", "--print-acknowledged"],
                standardInput: input, standardOutput: pipe.write, standardError: discarded)
        }
        // The reader sees the end of the output only once no one else holds the write end.
        close(pipe.write)
        let process = try started.get()

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
            let chunk = output.next()
            if chunk.isEmpty { break }
            consume(chunk)
        }
        process.send(SIGKILL)
        while case let chunk = output.next(), !chunk.isEmpty {
            consume(chunk)
        }
        process.waitForExit()
        return acknowledgements
    }
}
