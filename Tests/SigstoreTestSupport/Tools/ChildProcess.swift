public import Foundation
#if canImport(Glibc)
public import Glibc
#endif

/// A child process started with `posix_spawn`, which the tests use instead of Foundation's
/// `Process`: on Linux `Process.run()` over-reads the `/proc/self/fd` entries it scans to close
/// descriptors (swift-corelibs-foundation PR 5472) and crashed this suite now and then.
///
/// The child's standard streams are the descriptors given; every other descriptor of the test
/// process is closed in the child where glibc can do it (`posix_spawn_file_actions_addclosefrom_np`),
/// and the descriptors this file opens are close-on-exec in any case.
public final class ChildProcess: @unchecked Sendable {
    // @unchecked: `exitStatus` is only touched under `lock`.
    public let pid: pid_t
    private let lock = NSLock()
    private var exitStatus: Int32?

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Starts `executable` (an absolute path) with `arguments`.
    /// - Parameters:
    ///   - environment: the child's whole environment; nil inherits this process's.
    ///   - currentDirectory: where the child starts; nil keeps this process's.
    public init(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil, currentDirectory: URL? = nil,
        standardInput: Int32, standardOutput: Int32, standardError: Int32
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (source, target) in [(standardInput, 0), (standardOutput, 1), (standardError, 2)] {
            posix_spawn_file_actions_adddup2(&actions, source, Int32(target))
        }
        if let closeFrom = Self.addCloseFrom {
            _ = closeFrom(&actions, 3)
        }
        if let currentDirectory {
            guard let addChdir = Self.addChdir else {
                throw Failure(description: "this C library cannot set a spawned child's directory")
            }
            _ = addChdir(&actions, currentDirectory.path)
        }

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environmentLines = environment.map { $0.map { "\($0.key)=\($0.value)" } }
        let envp = environmentLines.map { $0.map { strdup($0) } + [nil] }
        defer { envp?.forEach { free($0) } }

        var pid: pid_t = 0
        let result = argv.withUnsafeBufferPointer { arguments in
            if let envp {
                return envp.withUnsafeBufferPointer { posix_spawn(&pid, executable.path, &actions, nil, arguments.baseAddress!, $0.baseAddress!) }
            }
            return posix_spawn(&pid, executable.path, &actions, nil, arguments.baseAddress!, environ)
        }
        guard result == 0 else {
            throw Failure(description: "cannot start \(executable.path): \(String(cString: strerror(result)))")
        }
        self.pid = pid
    }

    /// Sends `signal` (SIGTERM, SIGKILL…) unless the child was already waited for.
    public func send(_ signal: Int32) {
        lock.lock()
        defer { lock.unlock() }
        if exitStatus == nil { kill(pid, signal) }
    }

    /// Blocks until the child has exited; returns its exit code, or the number of the signal
    /// that ended it (as Foundation's `terminationStatus` does). Call it off the cooperative pool.
    /// The lock is not held while waiting, so another thread can still ``send(_:)`` a signal.
    @discardableResult
    public func waitForExit() -> Int32 {
        if let known = lock.withLock({ exitStatus }) { return known }
        var status: Int32 = 0
        var result: pid_t
        repeat {
            result = waitpid(pid, &status, 0)
        } while result == -1 && errno == EINTR
        // WIFEXITED / WEXITSTATUS / WTERMSIG, written out: the C macros are not imported.
        let signal = status & 0x7f
        let decoded: Int32? = result == pid ? (signal == 0 ? (status >> 8) & 0xff : signal) : nil
        return lock.withLock {
            // A second waiter finds the child already reaped (ECHILD) and takes the first one's answer.
            if exitStatus == nil, let decoded { exitStatus = decoded }
            return exitStatus ?? -1
        }
    }

    /// Opens `path` for the child, close-on-exec in this process.
    public static func open(_ path: String, forWriting: Bool) throws -> Int32 {
        let flags = forWriting ? (O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC) : (O_RDONLY | O_CLOEXEC)
        let descriptor = Glibc.open(path, flags, 0o600)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        return descriptor
    }

    /// A pipe whose two ends are close-on-exec in this process: (read end, write end). (`pipe2`
    /// is not exported to Swift; a child spawned between the two calls closes them anyway.)
    public static func pipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard Glibc.pipe(&ends) == 0 else {
            throw Failure(description: "cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        return (ends[0], ends[1])
    }

    private typealias FileAction = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias PathAction = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    /// glibc 2.34's `posix_spawn_file_actions_addclosefrom_np`, which Swift's Glibc module does not export.
    private static let addCloseFrom: FileAction? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: FileAction.self) }

    /// glibc 2.29's `posix_spawn_file_actions_addchdir_np`.
    private static let addChdir: PathAction? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np")
        .map { unsafeBitCast($0, to: PathAction.self) }
}
