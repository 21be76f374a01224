public import Foundation
import Dispatch

/// The reference client, sigstore-python 4.5.1: `$SIGSTORE_PYTHON`, the repository's `.venv`
/// (`Scripts/install-test-deps` makes it), or `sigstore` on the `PATH`.
public enum ReferenceClient {
    /// The `sigstore` executable, or nil when it is not installed (tests that need it skip).
    public static let executable: URL? = {
        let environment = ProcessInfo.processInfo.environment
        var candidates = [environment["SIGSTORE_PYTHON"]].compactMap { $0 }
        candidates.append(repositoryRoot.appendingPathComponent(".venv/bin/sigstore").path)
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            candidates.append(URL(fileURLWithPath: String(directory)).appendingPathComponent("sigstore").path)
        }
        return candidates.first(where: FileManager.default.isExecutableFile(atPath:)).map(URL.init(fileURLWithPath:))
    }()

    /// The package root (three levels above this file's directory).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `sigstore` with `arguments`; returns its exit status and combined output.
    /// An absent client reports status -1 rather than throwing.
    public static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> ProcessResult {
        guard let executable else { return ProcessResult(status: -1, output: "sigstore-python is not installed") }
        return try ProcessRunner.run(executable, arguments, environment: environment)
    }

    /// ``run(_:environment:)`` on a thread of its own, so waiting for the child never blocks the
    /// cooperative pool an in-process server needs to answer the child's requests.
    public static func runDetached(_ arguments: [String], environment: [String: String]? = nil) async throws -> ProcessResult {
        try await ProcessRunner.detached { try run(arguments, environment: environment) }
    }
}
