import Crypto
import Foundation
import SigstoreTestSupport
import Testing

/// `signet log info` against a real in-process dev stack: the checkpoint is verified against
/// the trusted root, and a previous checkpoint must be consistent with the current one.
@Suite("signet log info", .serialized)
struct LogCommandInfoTests {
    @Test("prints the verified tree head; JSON carries the same facts")
    func printsTheVerifiedTreeHead() async throws {
        try await DevServer.run { server in
            try await HashedRekordTestSigner().logArtifacts(2, to: server)
            let text = try await LogCommandProcess.log(["info"], on: server)
            #expect(text.status == 0, "\(text)")
            #expect(text.standardOutput.contains("Tree size: 2\n"))
            #expect(text.standardOutput.contains("Checkpoint: signature verified with trusted log key"))

            let json = try await LogCommandProcess.log(["info", "--output", "json"], on: server)
            #expect(json.status == 0, "\(json)")
            let report = try JSONDecoder().decode(InfoReport.self, from: Data(json.standardOutput.utf8))
            #expect(report.verified)
            #expect(report.treeSize == 2)
            #expect(report.origin == "127.0.0.1 - \(report.treeID)")
            #expect(report.rootHash.count == 64)
        }
    }

    @Test("with only --trust-config, the log URL comes from its signing config")
    func readsTheLogURLFromTheTrustConfig() async throws {
        try await DevServer.run { server in
            try await HashedRekordTestSigner().logArtifacts(1, to: server)
            let outcome = try await LogCommandProcess.signet(["log", "info", "--trust-config", server.trustConfig.path])
            #expect(outcome.status == 0, "\(outcome)")
            #expect(outcome.standardOutput.contains("Log: \(server.baseURL)\n"))
            #expect(outcome.standardOutput.contains("Tree size: 1\n"))
        }
    }

    @Test("run twice across appends with --save-checkpoint and --previous-checkpoint, the log proves it only grew")
    func monitorsAcrossAppends() async throws {
        try await DevServer.run { server in
            let signer = try HashedRekordTestSigner()
            try await signer.logArtifacts(3, to: server)
            let saved = server.directory.appendingPathComponent("monitor-checkpoint").path
            let first = try await LogCommandProcess.log(["info", "--save-checkpoint", saved], on: server)
            #expect(first.status == 0, "\(first)")
            let firstNote = try String(contentsOfFile: saved, encoding: .utf8)
            #expect(firstNote.contains("\n3\n"))

            try await signer.logArtifacts(4, to: server)
            let second = try await LogCommandProcess.log(["info", "--previous-checkpoint", saved, "--save-checkpoint", saved], on: server)
            #expect(second.status == 0, "\(second)")
            #expect(second.standardOutput.contains("Consistency: verified from the previous checkpoint at tree size 3"))
            #expect(second.standardOutput.contains("Tree size: 7\n"))
            #expect(try String(contentsOfFile: saved, encoding: .utf8).contains("\n7\n"))

            // Nothing appended: the same checkpoint is trivially consistent with itself.
            let third = try await LogCommandProcess.log(["info", "--previous-checkpoint", saved], on: server)
            #expect(third.status == 0, "\(third)")
            #expect(third.standardOutput.contains("Consistency: verified from the previous checkpoint at tree size 7"))
        }
    }

    @Test("a monitor started on the empty log accepts the first entries: every tree extends the empty tree")
    func monitorsFromTheEmptyLog() async throws {
        try await DevServer.run { server in
            let saved = server.directory.appendingPathComponent("empty-checkpoint").path
            let first = try await LogCommandProcess.log(["info", "--save-checkpoint", saved], on: server)
            #expect(first.status == 0, "\(first)")
            #expect(first.standardOutput.contains("Tree size: 0\n"))

            try await HashedRekordTestSigner().logArtifacts(2, to: server)
            let second = try await LogCommandProcess.log(["info", "--previous-checkpoint", saved], on: server)
            #expect(second.status == 0, "\(second)")
            #expect(second.standardOutput.contains("Consistency: verified from the previous checkpoint at tree size 0"))

            // An empty tree signed by the log with a root other than the empty hash is no empty tree.
            let forged = try await forgedCheckpoint(for: server, treeSize: 0, rootHash: Array(repeating: 9, count: 32))
            let refused = try await LogCommandProcess.log(["info", "--previous-checkpoint", forged], on: server)
            #expect(refused.status != 0)
            #expect(refused.standardError.contains("the log forked"), "\(refused)")
        }
    }

    @Test("a trusted root without the log's key fails the checkpoint signature")
    func rejectsAnUntrustedLog() async throws {
        try await DevServer.run { server in
            try await HashedRekordTestSigner().logArtifacts(1, to: server)
            // No --trust-config: the embedded public-good root, which does not know this log.
            let outcome = try await LogCommandProcess.signet(["log", "info", "--rekor-url", server.baseURL])
            #expect(outcome.status != 0)
            #expect(outcome.errorLines.count == 1)
            #expect(outcome.standardError.contains("not a trusted log key"), "\(outcome)")
            #expect(outcome.standardOutput.isEmpty)
        }
    }

    @Test("a previous checkpoint from another log is refused")
    func rejectsACheckpointFromAnotherLog() async throws {
        try await DevServer.run { other in
            try await HashedRekordTestSigner().logArtifacts(1, to: other)
            let foreign = other.directory.appendingPathComponent("foreign-checkpoint").path
            let saved = try await LogCommandProcess.log(["info", "--save-checkpoint", foreign], on: other)
            #expect(saved.status == 0, "\(saved)")

            try await DevServer.run { server in
                try await HashedRekordTestSigner().logArtifacts(2, to: server)
                let outcome = try await LogCommandProcess.log(["info", "--previous-checkpoint", foreign], on: server)
                #expect(outcome.status != 0)
                #expect(outcome.errorLines.count == 1)
                #expect(outcome.standardError.contains("not a trusted log key"), "\(outcome)")
            }
        }
    }

    @Test("a previous checkpoint signed by the log but larger than the log now: the log shrank")
    func rejectsAShrunkenLog() async throws {
        try await DevServer.run { server in
            try await HashedRekordTestSigner().logArtifacts(2, to: server)
            let previous = try await forgedCheckpoint(for: server, treeSize: 9, rootHash: Array(repeating: 7, count: 32))
            let outcome = try await LogCommandProcess.log(["info", "--previous-checkpoint", previous], on: server)
            #expect(outcome.status != 0)
            #expect(outcome.errorLines == ["Error: the log shrank: the previous checkpoint has 9 entries, the log now has 2"], "\(outcome)")
        }
    }

    @Test("a previous checkpoint signed by the log with another root at the same size: the log forked")
    func rejectsAForkAtTheSameSize() async throws {
        try await DevServer.run { server in
            try await HashedRekordTestSigner().logArtifacts(3, to: server)
            let previous = try await forgedCheckpoint(for: server, treeSize: 3, rootHash: Array(repeating: 1, count: 32))
            let outcome = try await LogCommandProcess.log(["info", "--previous-checkpoint", previous], on: server)
            #expect(outcome.status != 0)
            #expect(outcome.errorLines.count == 1)
            #expect(outcome.standardError.contains("the log forked: tree size 3 had root 0101"), "\(outcome)")
        }
    }

    @Test("a previous checkpoint signed by the log with a root the current tree does not extend: the consistency proof fails")
    func rejectsAForkAtASmallerSize() async throws {
        try await DevServer.run { server in
            try await HashedRekordTestSigner().logArtifacts(5, to: server)
            let previous = try await forgedCheckpoint(for: server, treeSize: 3, rootHash: Array(SHA256.hash(data: Data("forged".utf8))))
            let outcome = try await LogCommandProcess.log(["info", "--previous-checkpoint", previous], on: server)
            #expect(outcome.status != 0)
            #expect(outcome.errorLines.count == 1)
            #expect(outcome.standardError.contains("the log forked: it is not consistent with the previous checkpoint (tree size 3)"), "\(outcome)")
        }
    }

    @Test("a saved checkpoint whose root hash was edited no longer verifies")
    func rejectsAnEditedCheckpoint() async throws {
        try await DevServer.run { server in
            try await HashedRekordTestSigner().logArtifacts(2, to: server)
            let saved = server.directory.appendingPathComponent("edited-checkpoint").path
            let first = try await LogCommandProcess.log(["info", "--save-checkpoint", saved], on: server)
            #expect(first.status == 0, "\(first)")
            var lines = try String(contentsOfFile: saved, encoding: .utf8).components(separatedBy: "\n")
            lines[2] = Data(Array(repeating: 0xAB, count: 32)).base64EncodedString()
            try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: saved))

            let outcome = try await LogCommandProcess.log(["info", "--previous-checkpoint", saved], on: server)
            #expect(outcome.status != 0)
            #expect(outcome.errorLines.count == 1)
            #expect(outcome.standardError.contains("the checkpoint signature does not verify"), "\(outcome)")
        }
    }

    @Test("a log nobody listens on is a clear one-line error")
    func reportsAnUnreachableLog() async throws {
        let port = try DevServer.freePort()
        let outcome = try await LogCommandProcess.signet(["log", "info", "--rekor-url", "http://127.0.0.1:\(port)"])
        #expect(outcome.status != 0)
        #expect(outcome.errorLines.count == 1)
        #expect(outcome.standardError.contains("127.0.0.1:\(port)"), "\(outcome)")
        #expect(outcome.standardOutput.isEmpty)
    }

    /// Writes a checkpoint for `server`'s origin signed with `server`'s own log key.
    private func forgedCheckpoint(for server: DevServer, treeSize: Int, rootHash: [UInt8]) async throws -> String {
        let current = try await LogCommandProcess.log(["info", "--output", "json"], on: server)
        let report = try JSONDecoder().decode(InfoReport.self, from: Data(current.standardOutput.utf8))
        let note = try LogCommandCheckpoint.signed(
            origin: report.origin, treeSize: treeSize, rootHash: rootHash, key: try LogCommandCheckpoint.logKey(of: server))
        let path = server.directory.appendingPathComponent("forged-\(treeSize)").path
        try Data(note.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private struct InfoReport: Decodable {
        var verified: Bool
        var treeSize: Int
        var treeID: String
        var origin: String
        var rootHash: String
    }
}
