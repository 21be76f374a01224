public import Foundation
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// A finished child process: its exit status, its standard output (with standard error folded
/// in, unless the run kept them apart) and its standard error when kept apart.
public struct ProcessResult: Sendable, CustomStringConvertible {
    public let status: Int32
    public let output: String
    public let errorOutput: String

    public init(status: Int32, output: String, errorOutput: String = "") {
        self.status = status
        self.output = output
        self.errorOutput = errorOutput
    }

    public var description: String {
        "exit \(status)\n--- stdout\n\(output)--- stderr\n\(errorOutput)"
    }
}

/// The one way tests run a child process to completion.
///
/// - Children are started by ``ChildProcess`` (`posix_spawn`), not Foundation's `Process`,
///   whose `run()` has crashed in this suite.
/// - Output goes to scratch files, not pipes: nothing can block on a full pipe, and no read can
///   be interrupted by a signal.
/// - Standard input is `/dev/null`: a child never inherits whatever descriptor 0 is in the test
///   process (under CI it may be closed and reused for a socket or a pipe).
public enum ProcessRunner {
    /// Runs `executable` with `arguments` and waits for it on the calling thread.
    /// - Parameters:
    ///   - environment: the child's whole environment; nil inherits this process's.
    ///   - separateErrorOutput: keep standard error in ``ProcessResult/errorOutput`` rather than
    ///     folding it into ``ProcessResult/output``.
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
        currentDirectory: URL? = nil, separateErrorOutput: Bool = false
    ) throws -> ProcessResult {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("signet-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outputURL = scratch.appendingPathComponent("stdout")
        let errorURL = scratch.appendingPathComponent("stderr")
        let input = try ChildProcess.open("/dev/null", forWriting: false)
        defer { close(input) }
        let output = try ChildProcess.open(outputURL.path, forWriting: true)
        defer { close(output) }
        let errorOutput = try ChildProcess.open(errorURL.path, forWriting: true)
        defer { close(errorOutput) }

        let child = try ChildProcess(
            executable, arguments, environment: environment, currentDirectory: currentDirectory,
            standardInput: input, standardOutput: output, standardError: separateErrorOutput ? errorOutput : output)
        let status = child.waitForExit()
        return ProcessResult(
            status: status,
            output: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
            errorOutput: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
    }

    /// An executable product of this package, found next to the test binary.
    public static func builtExecutable(named name: String) -> URL? {
        let candidates = [
            URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        return candidates.map { $0.appendingPathComponent(name) }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// ``run(_:_:environment:currentDirectory:separateErrorOutput:)`` waited for on a dispatch
    /// thread: the cooperative pool (two threads here) stays free for in-process servers, which
    /// the child may be calling.
    public static func runDetached(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
        currentDirectory: URL? = nil, separateErrorOutput: Bool = false
    ) async throws -> ProcessResult {
        try await detached {
            try run(executable, arguments, environment: environment, currentDirectory: currentDirectory,
                    separateErrorOutput: separateErrorOutput)
        }
    }

    /// Runs blocking `work` on a global dispatch queue and awaits its result without holding a
    /// cooperative-pool thread (tests run child processes that call back into in-process servers).
    public static func detached<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}

/// Reads a child's output pipe while it runs, for tests that react to what it prints.
/// Unlike `FileHandle.availableData`, a read that a signal interrupts is retried, not a trap.
public struct PipeReader: Sendable {
    /// Held, not just its descriptor: the handle closes the descriptor when it is released,
    /// and a reused descriptor number would then read another file or socket.
    private let handle: FileHandle

    public init(_ handle: FileHandle) {
        self.handle = handle
    }

    /// Reads `descriptor`, which the reader then owns and closes when it is released.
    public init(descriptor: Int32) {
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// The next bytes the child wrote, blocking until there are some; empty at end of file.
    public func next() -> Data {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
            if count >= 0 { return Data(buffer[0..<count]) }
            if errno != EINTR { return Data() }
        }
    }

    /// Reads and drops everything until end of file, so the child never blocks on a full pipe.
    public func drain() {
        while !next().isEmpty {}
    }
}
