/// Why a call to a Sigstore service (CA, transparency log, timestamp authority) failed.
///
/// Match on ``code``; ``message`` is one line for people and may change.
public struct ServiceClientError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The service could not be reached (connection refused, DNS, TLS, timeout).
        case unreachable
        /// The service answered with a non-2xx status; ``status`` holds it.
        case rejected
        /// The service answered 2xx, but the body is not the document the API promises.
        case malformedResponse
        /// The request could not be built from what the caller gave.
        case invalidRequest
    }

    public var code: Code
    public var message: String
    /// The HTTP status when the service answered, else nil.
    public var status: Int?

    public init(_ code: Code, _ message: String, status: Int? = nil) {
        self.code = code
        self.message = message
        self.status = status
    }

    public var description: String { message }
}
