import Dispatch
import Foundation
import SigstoreTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A real `signetd serve --config FILE` process (the debug build product next to the tests),
/// started on a free port and killed with SIGKILL, like a crash or an OOM kill.
final class ServeProcess: Sendable {
    private let process: ChildProcess
    let port: Int
    private let output: PipeReader

    /// The `signetd` executable built next to the test binary.
    static let executable: URL? = ProcessRunner.builtExecutable(named: "signetd")

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts signetd and waits (up to 30 s) for its "listening on" line, which carries the port.
    init(executable: URL, configuration: URL) async throws {
        let pipe = try ChildProcess.pipe()
        output = PipeReader(descriptor: pipe.read)
        let started = Result {
            let input = try ChildProcess.open("/dev/null", forWriting: false)
            defer { close(input) }
            return try ChildProcess(
                executable, ["serve", "--config", configuration.path, "--port", "0", "--log-level", "error"],
                standardInput: input, standardOutput: pipe.write, standardError: pipe.write)
        }
        // Once the child has the write end, this process must not hold it: the reader sees the
        // end of the output only when no one can write any more.
        close(pipe.write)
        process = try started.get()
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
            await Self.waitForExit(of: process)
            throw failure
        }
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// SIGKILL: no shutdown hook runs, nothing is flushed.
    func kill() async {
        process.send(SIGKILL)
        await waitForExit()
    }

    /// SIGTERM (a graceful stop); returns the exit status.
    func terminate() async -> Int32 {
        process.send(SIGTERM)
        return await waitForExit()
    }

    /// Waits on a dispatch thread: a blocked cooperative-pool thread (there are two here) would
    /// stall every in-process server the other tests run.
    @discardableResult
    private func waitForExit() async -> Int32 {
        await Self.waitForExit(of: process)
    }

    @discardableResult
    private static func waitForExit(of process: ChildProcess) async -> Int32 {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            DispatchQueue.global().async {
                continuation.resume(returning: process.waitForExit())
            }
        }
    }
}
