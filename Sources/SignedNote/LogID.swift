public import Crypto

/// The 32-byte identifier of a log key, whose first four bytes are the note key hint.
///
/// The trusted root's `tlogs[].logId.keyId` must equal this value; which construction applies
/// depends on the log flavour and key type (interop contract §6.2).
public struct LogID: Sendable, Hashable {
    /// The 32 identifier bytes.
    public let bytes: [UInt8]

    /// Wraps identifier bytes computed elsewhere (for example read from a trusted root).
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The C2SP signed-note construction: SHA-256(name ‖ 0x0A ‖ type ‖ key material).
    ///
    /// For `.undefined` the type byte is followed by an identifier that is part of `keyMaterial`.
    public init(name: String, type: NoteSignatureType, keyMaterial: some Sequence<UInt8>) {
        self.init(name: name, typeByte: type.rawValue, keyMaterial: keyMaterial)
    }

    init(name: String, typeByte: UInt8, keyMaterial: some Sequence<UInt8>) {
        var hash = SHA256()
        hash.update(data: Array(name.utf8) + [0x0A, typeByte])
        hash.update(data: Array(keyMaterial))
        self.bytes = Array(hash.finalize())
    }

    /// SHA-256 of a DER SubjectPublicKeyInfo: the CT and Rekor v1 log ID, and the Rekor v2 ID of ECDSA keys.
    public init(subjectPublicKeyInfo spki: some Sequence<UInt8>) {
        self.bytes = Array(SHA256.hash(data: Array(spki)))
    }

    /// The Rekor v2 ID of an Ed25519 key: SHA-256(origin ‖ 0x0A ‖ 0x01 ‖ 32-byte key).
    public init(origin: String, ed25519Key: Curve25519.Signing.PublicKey) {
        self.init(name: origin, type: .ed25519, keyMaterial: ed25519Key.rawRepresentation)
    }

    /// The Rekor v2 ID of an RSA key: SHA-256(origin ‖ 0x0A ‖ 0xFF ‖ "PKIX-RSA-PKCS#1v1.5" ‖ DER SPKI).
    public init(origin: String, rsaSubjectPublicKeyInfo spki: some Sequence<UInt8>) {
        self.init(name: origin, type: .undefined, keyMaterial: Array(Self.rsaIdentifier.utf8) + Array(spki))
    }

    /// The 32-bit key hint: the first four bytes, big-endian.
    public var keyHint: UInt32 { KeyHint.value(of: bytes) }

    /// The identifier rekor-tiles appends to the 0xFF type byte for RSA keys.
    static let rsaIdentifier = "PKIX-RSA-PKCS#1v1.5"
}
