/// Why the certificate transparency log refused a submission or a query (RFC 6962 §4).
public struct CTLogError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// Malformed request, a chain that does not end at an accepted root, or a precertificate
        /// without the critical poison (400).
        case invalidSubmission
        /// A query parameter is malformed or out of range (400).
        case invalidQuery
        /// No such entry or tree (404).
        case notFound
        /// The log is shutting down or too many entries wait for a commit (503): retry later.
        case unavailable
        /// Storage or signing failed (500).
        case internalFailure
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
