import Foundation
import SigstoreTestSupport

/// Runs the `openssl` command-line tool, for checking our encodings against an independent implementation.
enum OpenSSL {
    struct Result {
        var status: Int32
        var output: String
        var errorOutput: String
    }

    /// Runs `openssl arguments…` in `directory` and returns its exit status and output.
    static func run(_ arguments: [String], in directory: URL) throws -> Result {
        let result = try SigstoreTestSupport.OpenSSL.result(arguments, in: directory, separateErrorOutput: true)
        return Result(status: result.status, output: result.output, errorOutput: result.errorOutput)
    }

    /// A fresh scratch directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rfc3161-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
