import CertificateTransparency
import LogEngine

/// Turns what the foundations and the engine throw into ``CTLogError`` codes the HTTP layer maps.
extension CTLog {
    /// Runs `body`, reporting a certificate the CT structures refuse as the submitter's fault.
    func submissionError<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CTError {
            throw CTLogError(.invalidSubmission, error.message)
        }
    }

    func engineError<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw Self.translated(error)
        }
    }

    func engineError<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Self.translated(error)
        }
    }

    static func translated(_ error: any Error) -> any Error {
        switch error {
        case let error as CTLogError:
            return error
        case let error as LogEngineError:
            switch error.code {
            case .stopped, .overloaded:
                return CTLogError(.unavailable, error.message)
            case .treeSizeOutOfRange, .indexOutOfRange, .invalidRange:
                return CTLogError(.invalidQuery, error.message)
            case .invalidEntry:
                return CTLogError(.invalidSubmission, error.message)
            default:
                return CTLogError(.internalFailure, "the log's storage failed: \(error.message)")
            }
        default:
            return CTLogError(.internalFailure, "\(error)")
        }
    }
}
