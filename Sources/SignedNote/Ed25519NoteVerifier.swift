public import Crypto

/// Verifies C2SP signed-note Ed25519 signatures (type 0x01) over the note body.
///
/// The key hint is SHA-256(name ‖ 0x0A ‖ 0x01 ‖ 32-byte key)[:4]. This is also how Rekor v2
/// (rekor-tiles) identifies an Ed25519 log key, with the log's origin as the name.
public struct Ed25519NoteVerifier: NoteVerifier {
    public let name: String
    public let keyHint: UInt32
    /// The Ed25519 public key.
    public let publicKey: Curve25519.Signing.PublicKey
    /// The full 32-byte key identifier (the Rekor v2 log ID).
    public let logID: LogID

    /// Creates a verifier for `publicKey` under the key name `name`.
    public init(name: String, publicKey: Curve25519.Signing.PublicKey) throws(NoteError) {
        try KeyName.validate(name)
        self.init(validName: name, publicKey: publicKey)
    }

    /// Creates a verifier for a name already checked with ``KeyName``.
    init(validName name: String, publicKey: Curve25519.Signing.PublicKey) {
        self.name = name
        self.publicKey = publicKey
        self.logID = LogID(name: name, type: .ed25519, keyMaterial: publicKey.rawRepresentation)
        self.keyHint = logID.keyHint
    }

    /// Parses a verifier key string of type 0x01 (`name+hash+base64(0x01 ‖ key)`).
    public init(verifierKey: String) throws(NoteError) {
        let key = try NoteVerifierKey(parsing: verifierKey)
        guard key.signatureType == NoteSignatureType.ed25519.rawValue else {
            throw NoteError(.unsupportedKey, "verifier key is of type 0x\(String(key.signatureType, radix: 16)), not Ed25519 (0x01)")
        }
        try self.init(name: key.name, rawKey: key.keyMaterial)
    }

    init(name: String, rawKey: [UInt8]) throws(NoteError) {
        try self.init(name: name, publicKey: try Ed25519Key.publicKey(rawKey))
    }

    /// The verifier key string for this key.
    public var verifierKey: String {
        NoteVerifierKey(validName: name, signatureType: .ed25519, keyMaterial: Array(publicKey.rawRepresentation)).description
    }

    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        signature.count == 64 && publicKey.isValidSignature(signature, for: message)
    }
}
