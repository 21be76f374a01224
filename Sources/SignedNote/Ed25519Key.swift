import Crypto

/// Construction of Ed25519 keys from raw bytes, with errors in the module's terms.
enum Ed25519Key {
    static func publicKey(_ raw: [UInt8]) throws(NoteError) -> Curve25519.Signing.PublicKey {
        guard raw.count == 32, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
            throw NoteError(.malformedKey, "an Ed25519 public key is 32 bytes, got \(raw.count)")
        }
        return key
    }

    static func privateKey(seed: [UInt8]) throws(NoteError) -> Curve25519.Signing.PrivateKey {
        guard seed.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
            throw NoteError(.malformedKey, "an Ed25519 private key seed is 32 bytes, got \(seed.count)")
        }
        return key
    }
}
