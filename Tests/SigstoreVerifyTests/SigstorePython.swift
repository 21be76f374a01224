import Foundation

/// The reference client, sigstore-python, when installed: `$SIGSTORE_PYTHON`, or `sigstore` on
/// the `PATH` (`pip install sigstore==4.5.1`).
enum SigstorePython {
    static let executable: URL? = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["SIGSTORE_PYTHON"], FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("sigstore")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// Runs `sigstore` with `arguments`; returns its exit status and combined output.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let executable else { return (-1, "sigstore-python is not installed") }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
