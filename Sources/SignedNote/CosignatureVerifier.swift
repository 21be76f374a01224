public import Crypto

/// Verifies Ed25519 witness cosignatures (C2SP tlog-cosignature, signature type 0x04).
///
/// The key hint is SHA-256(name ‖ 0x0A ‖ 0x04 ‖ 32-byte key)[:4]. Use ``Cosignature/timestamp(of:)``
/// on a verified line to learn when the witness signed.
public struct CosignatureVerifier: NoteVerifier {
    public let name: String
    public let keyHint: UInt32
    /// The cosigner's Ed25519 public key.
    public let publicKey: Curve25519.Signing.PublicKey

    /// Creates a verifier for the cosigner `name` with `publicKey`.
    public init(name: String, publicKey: Curve25519.Signing.PublicKey) throws(NoteError) {
        try KeyName.validate(name)
        self.init(validName: name, publicKey: publicKey)
    }

    /// Parses a verifier key string of type 0x04 (`name+hash+base64(0x04 ‖ key)`).
    public init(verifierKey: String) throws(NoteError) {
        let key = try NoteVerifierKey(parsing: verifierKey)
        guard key.signatureType == NoteSignatureType.cosignature.rawValue else {
            throw NoteError(.unsupportedKey, "verifier key is of type 0x\(String(key.signatureType, radix: 16)), not a cosignature key (0x04)")
        }
        try self.init(name: key.name, rawKey: key.keyMaterial)
    }

    init(name: String, rawKey: [UInt8]) throws(NoteError) {
        try self.init(name: name, publicKey: try Ed25519Key.publicKey(rawKey))
    }

    init(validName name: String, publicKey: Curve25519.Signing.PublicKey) {
        self.name = name
        self.publicKey = publicKey
        self.keyHint = LogID(name: name, type: .cosignature, keyMaterial: publicKey.rawRepresentation).keyHint
    }

    /// The verifier key string for this cosigner.
    public var verifierKey: String {
        NoteVerifierKey(validName: name, signatureType: .cosignature, keyMaterial: Array(publicKey.rawRepresentation)).description
    }

    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard let timestamp = Cosignature.timestamp(of: signature) else { return false }
        let signed = Cosignature.message(forBody: message, timestamp: timestamp)
        return publicKey.isValidSignature(signature[8...], for: signed)
    }
}
