import Foundation
import SigstoreTestSupport
import Testing

/// The outcome of running `signet` (or a script) as a separate process.
struct ProcessOutcome: Sendable, CustomStringConvertible {
    var status: Int32
    var standardOutput: String
    var standardError: String

    /// Standard error's lines, without the empty one after the final newline.
    var errorLines: [String] {
        standardError.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    var description: String {
        "exit \(status)\n--- stdout\n\(standardOutput)--- stderr\n\(standardError)"
    }
}

/// Runs the built `signet` executable, the way users and the conformance suite do.
enum SignetProcess {
    /// `$SIGNET_BIN`, else the `signet` built next to this test bundle (SwiftPM puts every
    /// product of a build, executables and test resources alike, in one directory).
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["SIGNET_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("signet")
    }()

    /// The repository checkout this test file belongs to.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func run(_ arguments: [String]) throws -> ProcessOutcome {
        try run(binary, arguments)
    }

    /// Runs `executable` with `arguments`; `environment` entries are added to this process's.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> ProcessOutcome {
        let result = try ProcessRunner.run(
            executable, arguments, environment: ProcessInfo.processInfo.environment.merging(environment) { $1 },
            separateErrorOutput: true)
        return ProcessOutcome(status: result.status, standardOutput: result.output, standardError: result.errorOutput)
    }
}

/// A scratch directory for files a test writes, removed when the value is deinitialised.
final class ScratchDirectory: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("signet-cli-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `contents` to `name` and returns its path.
    func write(_ name: String, _ contents: some DataProtocol) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(contents).write(to: file)
        return file.path
    }

    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }
}
