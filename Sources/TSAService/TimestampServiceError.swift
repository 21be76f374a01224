/// Why the timestamp authority refused a request. Every code maps to a non-2xx HTTP status:
/// clients embed any 2xx body in bundles, so a refusal must never look like success.
public struct TimestampServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// The request is malformed or asks for something this TSA does not grant (HTTP 400).
        case invalidRequest
        /// The request body has a media type the endpoint does not speak (HTTP 415).
        case unsupportedMediaType
        /// Signing failed inside the TSA (HTTP 500).
        case signingFailed
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
