/// Why the PostgreSQL log storage could not open, migrate or talk to its database.
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
