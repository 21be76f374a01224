import SignedNote
import SigstoreCrypto

/// Adapts a ``KeySigner`` to SignedNote's ``NoteSigner``; name and hint come from the flavour's
/// ``RekorNoteVerifier`` so that what is signed is exactly what Rekor verifiers check.
struct KeyNoteSigner: NoteSigner {
    let name: String
    let keyHint: UInt32
    let key: any KeySigner

    func signature(for message: [UInt8]) async throws -> [UInt8] {
        try await key.signature(for: message)
    }
}
