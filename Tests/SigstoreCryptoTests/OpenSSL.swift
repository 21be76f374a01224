import Foundation
import SigstoreTestSupport

/// Runs the `openssl` CLI, for tests that check our output with an independent implementation.
struct OpenSSL {
    /// The first `openssl` on `PATH`, if any.
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin"
        return path.split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent("openssl") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static var isAvailable: Bool { executable != nil }

    /// A scratch directory removed when the value is discarded by the caller via `cleanUp()`.
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("signet-openssl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes `contents` to a scratch file and returns its path.
    func write(_ contents: some Sequence<UInt8>, named name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(contents).write(to: url)
        return url.path
    }

    func write(_ text: String, named name: String) throws -> String {
        try write(Array(text.utf8), named: name)
    }

    func read(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// Runs openssl with `arguments`; returns the exit status and combined output.
    @discardableResult
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let executable = Self.executable else { return (127, "openssl not found") }
        let result = try ProcessRunner.run(executable, arguments)
        return (result.status, result.output)
    }
}
