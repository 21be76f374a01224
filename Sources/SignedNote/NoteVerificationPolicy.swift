/// Which signature lines of a note must verify.
public enum NoteVerificationPolicy: Sendable, Hashable {
    /// The C2SP signed-note rule: lines whose name and key hint match a known verifier must
    /// verify, at least one must, and lines for unknown keys are ignored (they may be witness
    /// cosignatures or a rotated key).
    case anyKnownKey
    /// The Rekor v1 rule that sigstore-go applies (§6.3): every line's key hint must belong to a
    /// known verifier and every line must verify, so a v1 checkpoint may carry no other lines.
    /// Names are not compared, as in rekor's `SignedNote.Verify`; the key alone decides.
    case everyLineByKnownKey
}
