/// Checks note signatures made by one key.
///
/// A verifier is identified by its key ``name`` and ``keyHint``; a note signature line is
/// checked by a verifier only when both match (C2SP signed-note).
public protocol NoteVerifier: Sendable {
    /// The key name that signature lines by this key carry.
    var name: String { get }
    /// The 32-bit key hint that signature lines by this key carry.
    var keyHint: UInt32 { get }
    /// Whether `signature` (the bytes after the key hint) is a valid signature of `message` (the note body).
    func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool
}
