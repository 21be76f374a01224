public import Foundation

/// Runs the real `openssl` command line, the independent implementation the tests check against.
public enum OpenSSL {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Whether `openssl` can be run here.
    public static var isAvailable: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/openssl") }
    }

    /// Runs `openssl ARGUMENTS` (in `directory` if given); returns its exit status and output,
    /// standard error folded into the output unless `separateErrorOutput`.
    public static func result(_ arguments: [String], in directory: URL? = nil, separateErrorOutput: Bool = false) throws -> ProcessResult {
        try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["openssl"] + arguments,
                              currentDirectory: directory, separateErrorOutput: separateErrorOutput)
    }

    /// Runs `openssl ARGUMENTS` and returns its combined output; a non-zero exit throws.
    @discardableResult
    public static func run(_ arguments: [String]) throws -> String {
        let result = try result(arguments)
        guard result.status == 0 else {
            throw Failure(description: "openssl \(arguments.joined(separator: " ")) failed: \(result.output)")
        }
        return result.output
    }
}
