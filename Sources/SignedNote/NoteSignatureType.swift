/// The signature type identifier bytes of C2SP signed-note, which domain-separate key hints.
public enum NoteSignatureType: UInt8, Sendable, Hashable, CaseIterable {
    /// Ed25519 over the note body.
    case ed25519 = 0x01
    /// ECDSA as implemented by transparency-dev/witness; the key hint is SHA-256(DER SPKI)[:4].
    case ecdsa = 0x02
    /// Timestamped Ed25519 witness cosignatures (C2SP tlog-cosignature).
    case cosignature = 0x04
    /// Signature types without an assigned byte; followed by a longer identifier.
    case undefined = 0xFF
}
