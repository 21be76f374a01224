import Foundation
public import PostgresNIO

/// A `postgres://user:password@host:port/database?sslmode=…` URL, turned into the connection
/// pool configuration a log storage runs on.
///
/// `sslmode` may be `disable`, `prefer` (the default) or `require`; other query options are
/// refused rather than silently ignored. Every connection starts with `synchronous_commit=on`,
/// so a commit returns only once its WAL record is flushed: the durability ``PostgresLogStorage``
/// promises for an acknowledged batch.
public struct PostgresDatabaseURL: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String?
    public var sslMode: String

    /// Parses `text`.
    ///
    /// - Throws: ``PostgresStorageError/Code/invalidConfiguration``.
    public init(_ text: String) throws(PostgresStorageError) {
        guard let components = URLComponents(string: text), ["postgres", "postgresql"].contains(components.scheme ?? "") else {
            throw PostgresStorageError(.invalidConfiguration, "not a postgres:// URL: \(Self.redacted(text))")
        }
        guard let host = components.host, !host.isEmpty, let username = components.user, !username.isEmpty else {
            throw PostgresStorageError(.invalidConfiguration, "a database URL needs a user and a host: \(Self.redacted(text))")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = username.removingPercentEncoding ?? username
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        let path = components.path.drop { $0 == "/" }
        self.database = path.isEmpty ? nil : String(path)
        self.sslMode = "prefer"
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode", let value = item.value, ["disable", "prefer", "require"].contains(value) else {
                throw PostgresStorageError(.invalidConfiguration, "unsupported database URL option \(item.name)=\(item.value ?? "")")
            }
            sslMode = value
        }
    }

    /// The pool configuration: at most `maximumConnections` connections, each with
    /// `synchronous_commit=on`.
    public func clientConfiguration(maximumConnections: Int = 20) -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS = switch sslMode {
        case "disable": .disable
        case "require": .require(.makeClientConfiguration())
        default: .prefer(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.maximumConnections = maximumConnections
        configuration.options.additionalStartupParameters = [("synchronous_commit", "on")]
        return configuration
    }

    /// `text` with any password replaced, fit for error messages and logs.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? "<database URL>"
    }
}
