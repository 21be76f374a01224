/// The resource limits applied to untrusted notes, kept in one place.
///
/// C2SP signed-note asks verifiers to bound the number of signatures and to accept at least 16;
/// golang.org/x/mod/sumdb/note rejects more than 100, which we follow.
public enum NoteLimits {
    /// The largest note text accepted by the parser, in bytes (1 MiB).
    public static let maximumNoteSize = 1 << 20
    /// The most signature lines a note may carry.
    public static let maximumSignatureCount = 100
}
