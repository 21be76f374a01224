import ArgumentParser
import Foundation
import ServiceClients
import SigstoreSign
import SigstoreVerify

/// Writes command results to standard output and failures to standard error, in one place so
/// every command fails the same way: one `Error: <reason>` line, or a JSON object in JSON mode.
enum Console {
    /// Writes `text` to standard output, followed by a newline unless it already ends with one.
    static func write(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    }

    /// Writes one line to standard error.
    static func writeError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Reports `error` and returns the exit code to throw: one `Error:` line on standard error,
    /// or in JSON mode a `{"verified": false, "code", "message"}` object on standard output.
    static func fail(_ error: any Error, format: OutputFormat) -> ExitCode {
        if let exit = error as? ExitCode { return exit }
        let failure = Failure(error)
        switch format {
        case .text:
            writeError("Error: \(failure.message)")
        case .json:
            write(JSONOutput.encode(failure))
        }
        return .failure
    }

    /// Runs `body`, turning any error into a reported failure and exit status 1.
    static func reportingFailures(format: OutputFormat, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch {
            throw fail(error, format: format)
        }
    }
}

/// A failed command as JSON output shows it.
struct Failure: Encodable, Sendable {
    var verified = false
    /// A stable, matchable name: a ``VerificationError/Code``, ``CLIError/Code``,
    /// `ServiceClientError.Code` or `SigningError.Code` case, or `error` for anything else.
    var code: String
    /// One line for people.
    var message: String

    init(_ error: any Error) {
        switch error {
        case let error as VerificationError:
            code = String(describing: error.code)
            message = error.message
        case let error as CLIError:
            code = error.code.rawValue
            message = error.message
        case let error as ServiceClientError:
            code = error.code.rawValue
            message = error.message
        case let error as SigningError:
            code = error.code.rawValue
            message = error.message
        default:
            code = "error"
            message = String(describing: error)
        }
        // One line, whatever the underlying error printed.
        message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
