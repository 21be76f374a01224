/// Why a signed note could not be parsed, produced or verified.
public struct NoteError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        case malformedNote
        case malformedCheckpoint
        case malformedSignature
        case invalidKeyName
        case unknownKey
        case signatureMismatch
        case unsupportedKey
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
