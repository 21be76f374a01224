/// How a Sigstore Rekor log names its checkpoint key and signs checkpoints (interop contract §6).
///
/// | | Rekor v1 (rekor) | Rekor v2 (rekor-tiles) |
/// |---|---|---|
/// | key hint / log ID | SHA-256(DER SPKI) for every key type | Ed25519: SHA-256(origin ‖ 0x0A ‖ 0x01 ‖ key); ECDSA: SHA-256(DER SPKI); RSA: SHA-256(origin ‖ 0x0A ‖ 0xFF ‖ "PKIX-RSA-PKCS#1v1.5" ‖ DER SPKI) |
/// | ECDSA signature | DER, over SHA-256(body) whatever the curve | DER, over the curve's hash of the body (P-256: SHA-256, P-384: SHA-384, P-521: SHA-512) |
/// | Ed25519 signature | over the body | over the body |
/// | RSA signature | PKCS#1 v1.5 over SHA-256(body) | PKCS#1 v1.5 over SHA-256(body) |
///
/// Sources: rekor `pkg/util/signed_note.go` verifies with an explicit SHA-256 digest for RSA and
/// ECDSA keys (so a v1 log can only use SHA-256) and hashes the DER SPKI for the hint; rekor-tiles
/// `pkg/note/note.go` derives the hint per key type and signs through sigstore's default
/// signer-verifier for the key, whose ECDSA hash follows the curve.
public enum RekorFlavour: Sendable, Hashable {
    /// The original Rekor API (`rekor.sigstore.dev`); origin `"<hostname> - <tree ID>"`, key name `<hostname>`.
    case v1
    /// rekor-tiles; origin and key name are both the log URL's hostname.
    case v2
}
