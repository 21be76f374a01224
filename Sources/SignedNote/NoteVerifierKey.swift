/// A verifier key string, `<name>+<hex key hint>+<base64(type ‖ key material)>`, as used by
/// golang.org/x/mod/sumdb/note, C2SP signed-note and tlog-cosignature.
///
/// Parsing checks the key hint against the key: SHA-256(name ‖ 0x0A ‖ type ‖ key)[:4] for every
/// type except ECDSA (0x02), whose hint is SHA-256(DER SPKI)[:4].
public struct NoteVerifierKey: Sendable, Hashable, CustomStringConvertible {
    /// The key name.
    public let name: String
    /// The key hint (key ID).
    public let keyHint: UInt32
    /// The signature type byte (see ``NoteSignatureType``); unknown types parse but have no verifier.
    public let signatureType: UInt8
    /// The key material after the type byte (for Ed25519, the 32-byte public key).
    public let keyMaterial: [UInt8]

    /// Builds a key string, computing the key hint.
    public init(name: String, signatureType: NoteSignatureType, keyMaterial: [UInt8]) throws(NoteError) {
        try KeyName.validate(name)
        guard !keyMaterial.isEmpty else {
            throw NoteError(.malformedKey, "verifier key material is empty")
        }
        self.init(validName: name, signatureType: signatureType, keyMaterial: keyMaterial)
    }

    /// Builds a key string for a name already checked with ``KeyName``.
    init(validName name: String, signatureType: NoteSignatureType, keyMaterial: [UInt8]) {
        self.name = name
        self.signatureType = signatureType.rawValue
        self.keyMaterial = keyMaterial
        self.keyHint = Self.expectedHint(name: name, type: signatureType.rawValue, keyMaterial: keyMaterial)
    }

    /// Parses a verifier key string and checks its key hint.
    public init(parsing text: String) throws(NoteError) {
        let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let hint = KeyHint.parseHex(parts[1]) else {
            throw NoteError(.malformedKey, "verifier key is not <name>+<8 hex digits>+<base64>")
        }
        try KeyName.validate(parts[0])
        guard let blob = StrictBase64.decode(parts[2]), blob.count >= 2 else {
            throw NoteError(.malformedKey, "verifier key material is not canonical base64 of a type byte and a key")
        }
        let name = String(parts[0])
        let material = Array(blob.dropFirst())
        guard hint == Self.expectedHint(name: name, type: blob[0], keyMaterial: material) else {
            throw NoteError(.keyHintMismatch, "verifier key hint \(parts[1]) does not match its name and key")
        }
        self.name = name
        self.keyHint = hint
        self.signatureType = blob[0]
        self.keyMaterial = material
    }

    /// The key string.
    public var description: String {
        name + "+" + KeyHint.hex(keyHint) + "+" + StrictBase64.encode([signatureType] + keyMaterial)
    }

    /// A verifier for this key: Ed25519 (0x01), ECDSA over SHA-256 (0x02, the Rekor v1 scheme)
    /// or Ed25519 cosignature (0x04).
    public func verifier() throws(NoteError) -> any NoteVerifier {
        switch NoteSignatureType(rawValue: signatureType) {
        case .ed25519: try Ed25519NoteVerifier(name: name, rawKey: keyMaterial)
        case .cosignature: try CosignatureVerifier(name: name, rawKey: keyMaterial)
        case .ecdsa: try RekorNoteVerifier(name: name, witnessECDSAKey: keyMaterial)
        case .undefined, nil:
            throw NoteError(.unsupportedKey, "verifier key type 0x\(String(signatureType, radix: 16)) is not supported")
        }
    }

    private static func expectedHint(name: String, type: UInt8, keyMaterial: [UInt8]) -> UInt32 {
        if type == NoteSignatureType.ecdsa.rawValue {
            return LogID(subjectPublicKeyInfo: keyMaterial).keyHint
        }
        return LogID(name: name, typeByte: type, keyMaterial: keyMaterial).keyHint
    }
}
