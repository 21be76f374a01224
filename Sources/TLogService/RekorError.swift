/// Why the transparency log refused an entry or a query. ServerSupport maps each code to the
/// HTTP status the Rekor APIs document (interop contract §1.3).
public struct RekorError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// Malformed JSON, unknown kind or version, bad signature, inconsistent digests (400).
        case invalidEntry
        /// The entry is already in the log (409, with its location).
        case duplicate
        /// No entry or tree at that index, UUID or size (404).
        case notFound
        /// A query parameter is malformed or out of range (400).
        case invalidQuery
        /// The sequencer is overloaded (503).
        case overloaded
        /// Storage or signing failed (500).
        case internalFailure
    }

    public var code: Code
    public var message: String
    /// For duplicates: the existing entry's global index and UUID.
    public var existingIndex: UInt64?
    public var existingUUID: String?

    public init(_ code: Code, _ message: String, existingIndex: UInt64? = nil, existingUUID: String? = nil) {
        self.code = code
        self.message = message
        self.existingIndex = existingIndex
        self.existingUUID = existingUUID
    }

    public var description: String { message }
}
