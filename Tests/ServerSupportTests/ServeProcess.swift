import Dispatch
import Foundation
import SigstoreTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A real `signetd serve --config FILE` process (the debug build product next to the tests),
/// started on a free port and killed with SIGKILL, like a crash or an OOM kill.
final class ServeProcess: @unchecked Sendable {
    // @unchecked: `process` is only touched by start/kill from the one test task that owns it.
    private let process: Process
    let port: Int
    private let output: PipeReader

    /// The `signetd` executable built next to the test binary.
    static let executable: URL? = {
        let candidates = [
            URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        return candidates.map { $0.appendingPathComponent("signetd") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts signetd and waits (up to 30 s) for its "listening on" line, which carries the port.
    init(executable: URL, configuration: URL) async throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--config", configuration.path, "--port", "0", "--log-level", "error"]
        let pipe = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = pipe
        process.standardError = pipe
        try ProcessRunner.spawn(process)
        self.process = process
        output = PipeReader(pipe.fileHandleForReading)
        let reader = output
        let found: Result<Int, Failure> = await withCheckedContinuation { continuation in
            // Blocking pipe reads belong on a thread of their own, not the cooperative pool.
            DispatchQueue.global().async {
                var text = ""
                while true {
                    let chunk = reader.next()
                    if chunk.isEmpty {
                        continuation.resume(returning: .failure(Failure(description: "signetd exited before listening: \(text)")))
                        return
                    }
                    text += String(decoding: chunk, as: UTF8.self)
                    if let range = text.range(of: #"listening on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                        let port = Int(text[range].split(separator: ":").last ?? "") ?? 0
                        continuation.resume(returning: .success(port))
                        // Keep draining so the server never blocks on a full pipe.
                        reader.drain()
                        return
                    }
                }
            }
        }
        switch found {
        case .success(let port):
            self.port = port
        case .failure(let failure):
            // The process already closed its output: it has exited or is about to.
            process.waitUntilExit()
            throw failure
        }
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// SIGKILL: no shutdown hook runs, nothing is flushed.
    func kill() async {
        Glibc.kill(process.processIdentifier, SIGKILL)
        await waitForExit()
    }

    /// SIGTERM (a graceful stop); returns the exit status.
    func terminate() async -> Int32 {
        process.terminate()
        await waitForExit()
        return process.terminationStatus
    }

    /// Waits on a dispatch thread: a blocked cooperative-pool thread (there are two here) would
    /// stall every in-process server the other tests run.
    private func waitForExit() async {
        let process = self.process
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume()
            }
        }
    }
}
