/// Why a `signet` command failed for a reason other than a verification verdict: a bad flag
/// combination, an unreadable file, a document that does not parse.
///
/// Match on ``code``; ``message`` is one line for people and may change.
public struct CLIError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// A flag value is malformed or flags are combined in a way the command does not allow.
        case invalidArgument
        /// A file named on the command line cannot be read or written.
        case unreadableFile
        /// A file parses, but not as the document the flag expects (bundle, trusted root, key, …).
        case invalidDocument
        /// An attestation's predicate type is not the one `--type` asks for.
        case predicateTypeMismatch
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
