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

    /// Runs `executable` with `arguments` to completion, waiting off the cooperative pool.
    static func run(_ executable: URL, _ arguments: [String]) async throws -> ProcessOutcome {
        let result = try await ProcessRunner.runDetached(executable, arguments, separateErrorOutput: true)
        return ProcessOutcome(status: result.status, standardOutput: result.output, standardError: result.errorOutput)
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
