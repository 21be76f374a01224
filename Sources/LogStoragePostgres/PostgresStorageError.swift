import LogEngine
import PostgresNIO

/// Why the PostgreSQL log storage could not open, migrate or talk to its database.
///
/// Only opening a storage throws this type; once open, every operation reports failures as
/// `LogEngineError` (database errors as `storageFailure`), as the `LogStorage` contract asks.
public struct PostgresStorageError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// The database URL is malformed or uses an unsupported option.
        case invalidConfiguration
        /// The schema is newer than this build or belongs to another log.
        case incompatibleSchema
        /// The database refused or dropped the connection.
        case unavailable
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

extension PostgresStorageError {
    /// A readable account of a database failure. `PSQLError`'s own description hides the
    /// server's message (it may quote data); the SQLSTATE and message are what an operator needs.
    static func describe(_ error: any Error) -> String {
        if let transaction = error as? PostgresTransactionError {
            let inner = transaction.closureError ?? transaction.beginError ?? transaction.commitError ?? transaction.rollbackError
            return inner.map(describe) ?? "transaction failed"
        }
        if let error = error as? PSQLError {
            if let server = error.serverInfo {
                return "\(server[.sqlState] ?? "?????"): \(server[.message] ?? "server error")\(server[.detail].map { " (\($0))" } ?? "")"
            }
            return "\(error.code)"
        }
        return "\(error)"
    }

    /// The error a storage operation reports: engine and storage errors pass through (also
    /// from inside a transaction), anything else is a `storageFailure`.
    static func logEngineError(_ error: any Error, while action: String) -> any Error {
        var error = error
        if let transaction = error as? PostgresTransactionError, let inner = transaction.closureError {
            error = inner
        }
        if error is LogEngineError || error is PostgresStorageError {
            return error
        }
        return LogEngineError(.storageFailure, "log database \(action) failed: \(describe(error))")
    }
}
