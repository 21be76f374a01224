/// Why a signed note could not be parsed, produced or verified.
public struct NoteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The class of failure; match on this, not on ``message``.
    public enum Code: Sendable, Hashable {
        /// The note text breaks the signed-note grammar (encoding, blank line, signature block).
        case malformedNote
        /// The note is larger than ``NoteLimits/maximumNoteSize``.
        case noteTooLarge
        /// The note has more signature lines than ``NoteLimits/maximumSignatureCount``.
        case tooManySignatures
        /// The note body is not a well-formed tlog-checkpoint.
        case malformedCheckpoint
        /// A signature line, or a signature's bytes, are malformed.
        case malformedSignature
        /// A key name is empty or contains whitespace or `+`.
        case invalidKeyName
        /// A verifier or signer key string is malformed.
        case malformedKey
        /// A key string's key hint does not match the key it carries.
        case keyHintMismatch
        /// No signature from a known key was found (or, in strict mode, a line's key is unknown).
        case unknownKey
        /// A signature from a known key did not verify.
        case signatureMismatch
        /// The key's algorithm is not supported for this kind of note signature.
        case unsupportedKey
    }

    /// The class of failure.
    public var code: Code
    /// A human-readable explanation.
    public var message: String

    /// Creates an error with a code and an explanation.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
