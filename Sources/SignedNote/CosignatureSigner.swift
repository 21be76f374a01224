public import Crypto

/// Produces Ed25519 witness cosignatures (C2SP tlog-cosignature, signature type 0x04).
///
/// The signing time is a parameter, not read from a clock: make one signer per cosigning.
public struct CosignatureSigner: NoteSigner {
    public let name: String
    public let keyHint: UInt32
    /// The POSIX time, in seconds, that cosignatures claim.
    public let timestamp: UInt64
    private let privateKey: Curve25519.Signing.PrivateKey

    /// Creates a cosigner `name` that signs with `privateKey` at `timestamp` (at most 2^63 − 1).
    public init(name: String, privateKey: Curve25519.Signing.PrivateKey, timestamp: UInt64) throws(NoteError) {
        try KeyName.validate(name)
        guard timestamp <= UInt64(Int64.max) else {
            throw NoteError(.malformedSignature, "a cosignature timestamp may not exceed 2^63 - 1")
        }
        self.name = name
        self.privateKey = privateKey
        self.timestamp = timestamp
        self.keyHint = LogID(name: name, type: .cosignature, keyMaterial: privateKey.publicKey.rawRepresentation).keyHint
    }

    /// Creates a cosigner from an Ed25519 signer key string (type 0x01, as produced by
    /// golang.org/x/mod/sumdb/note), as transparency-dev/formats does; its hint is checked
    /// against the type-0x01 derivation, and cosignatures then carry the type-0x04 hint.
    public init(signerKey: String, timestamp: UInt64) throws(NoteError) {
        let plain = try Ed25519NoteSigner(signerKey: signerKey)
        let (_, _, seed) = try Ed25519NoteSigner.parse(signerKey: signerKey)
        try self.init(name: plain.name, privateKey: try Ed25519Key.privateKey(seed: seed), timestamp: timestamp)
    }

    /// The verifier for this cosigner.
    public var verifier: CosignatureVerifier {
        CosignatureVerifier(validName: name, publicKey: privateKey.publicKey)
    }

    public func signature(for message: [UInt8]) async throws -> [UInt8] {
        let signed = Cosignature.message(forBody: message, timestamp: timestamp)
        return Cosignature.timestampBytes(timestamp) + Array(try privateKey.signature(for: signed))
    }
}
