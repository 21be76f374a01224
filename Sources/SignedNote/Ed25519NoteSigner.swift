public import Crypto

/// Signs notes with an Ed25519 key (C2SP signed-note type 0x01).
public struct Ed25519NoteSigner: NoteSigner {
    public let name: String
    public let keyHint: UInt32
    private let privateKey: Curve25519.Signing.PrivateKey

    /// The literal that starts every signer key string, so it is never mistaken for a verifier key.
    static let signerKeyPrefix = "PRIVATE+KEY+"

    /// Creates a signer for `privateKey` under the key name `name`.
    public init(name: String, privateKey: Curve25519.Signing.PrivateKey) throws(NoteError) {
        try KeyName.validate(name)
        self.name = name
        self.privateKey = privateKey
        self.keyHint = LogID(name: name, type: .ed25519, keyMaterial: privateKey.publicKey.rawRepresentation).keyHint
    }

    /// Parses a signer key string, `PRIVATE+KEY+<name>+<hex hint>+<base64(0x01 ‖ 32-byte seed)>`,
    /// and checks that the hint matches the key's public half.
    public init(signerKey: String) throws(NoteError) {
        let (name, hint, seed) = try Self.parse(signerKey: signerKey)
        try self.init(name: name, privateKey: try Ed25519Key.privateKey(seed: seed))
        guard keyHint == hint else {
            throw NoteError(.keyHintMismatch, "signer key hint \(KeyHint.hex(hint)) does not match its name and key")
        }
    }

    /// The signer key string; it contains the private key.
    public var signerKey: String {
        Self.signerKeyPrefix + name + "+" + KeyHint.hex(keyHint) + "+"
            + StrictBase64.encode([NoteSignatureType.ed25519.rawValue] + privateKey.rawRepresentation)
    }

    /// The verifier for this key.
    public var verifier: Ed25519NoteVerifier {
        Ed25519NoteVerifier(validName: name, publicKey: privateKey.publicKey)
    }

    public func signature(for message: [UInt8]) async throws -> [UInt8] {
        Array(try privateKey.signature(for: message))
    }

    /// Splits a type-0x01 signer key string into name, hint and seed.
    static func parse(signerKey: String) throws(NoteError) -> (name: String, hint: UInt32, seed: [UInt8]) {
        guard signerKey.hasPrefix(signerKeyPrefix) else {
            throw NoteError(.malformedKey, "signer key does not start with PRIVATE+KEY+")
        }
        let parts = signerKey.dropFirst(signerKeyPrefix.count).split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let hint = KeyHint.parseHex(parts[1]) else {
            throw NoteError(.malformedKey, "signer key is not PRIVATE+KEY+<name>+<8 hex digits>+<base64>")
        }
        try KeyName.validate(parts[0])
        guard let blob = StrictBase64.decode(parts[2]), blob.first == NoteSignatureType.ed25519.rawValue else {
            throw NoteError(.malformedKey, "signer key material is not canonical base64 of 0x01 and a seed")
        }
        return (String(parts[0]), hint, Array(blob.dropFirst()))
    }
}
