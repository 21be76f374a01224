import Crypto
import Foundation
import ServiceClients
import SigstoreCrypto
import SigstoreTestSupport
import Testing

/// Runs the built `signet` without blocking a concurrency thread, so the in-process dev stack
/// keeps answering while the child process talks to it.
enum LogCommandProcess {
    static func signet(_ arguments: [String]) async throws -> ProcessOutcome {
        try await run(SignetProcess.binary, arguments)
    }

    /// Runs `executable` with `arguments` to completion.
    static func run(_ executable: URL, _ arguments: [String]) async throws -> ProcessOutcome {
        let scratch = try ScratchDirectory()
        let outURL = scratch.url.appendingPathComponent("stdout")
        let errURL = scratch.url.appendingPathComponent("stderr")
        try #require(FileManager.default.createFile(atPath: outURL.path, contents: nil))
        try #require(FileManager.default.createFile(atPath: errURL.path, contents: nil))
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try out.close()
        try err.close()
        return ProcessOutcome(
            status: process.terminationStatus,
            standardOutput: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            standardError: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// `signet log <arguments>` against `server`'s log, trusting `server`'s trusted root.
    static func log(_ arguments: [String], on server: DevServer) async throws -> ProcessOutcome {
        try await signet(["log"] + arguments + ["--rekor-url", server.baseURL, "--trust-config", server.trustConfig.path])
    }
}

/// Checkpoints signed with the dev log's own key (interop contract §6), as a log that forks or
/// rolls back would sign them: well-formed and correctly signed, but describing another history.
enum LogCommandCheckpoint {
    /// The dev stack's Rekor v1 signing key, from its data directory.
    static func logKey(of server: DevServer) throws -> PrivateKey {
        let pem = try String(contentsOf: server.directory.appendingPathComponent("tlog/v1/signing-key.pem"), encoding: .utf8)
        return try PrivateKey(pemEncoded: pem)
    }

    /// A Rekor v1 checkpoint note for `origin`, `treeSize` and `rootHash`, signed by `key`.
    static func signed(origin: String, treeSize: Int, rootHash: [UInt8], key: PrivateKey, keyName: String = "127.0.0.1") throws -> String {
        let body = "\(origin)\n\(treeSize)\n\(Data(rootHash).base64EncodedString())\n"
        let signature = try key.signature(for: Array(body.utf8))
        let keyHint = Array(SHA256.hash(data: key.publicKey.derRepresentation).prefix(4))
        return body + "\n\u{2014} \(keyName) \(Data(keyHint + signature).base64EncodedString())\n"
    }

    /// The origin line of a checkpoint note.
    static func origin(of note: String) -> String {
        String(note.prefix { $0 != "\n" })
    }
}
