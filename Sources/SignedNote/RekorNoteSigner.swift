public import SigstoreCrypto

/// Signs checkpoints as a Rekor log does, through a ``KeySigner`` (in-memory key, HSM or KMS).
///
/// `KeySigner` signs with the key's default details, which is what rekor-tiles does for every
/// key type. Rekor v1 verifiers hash with SHA-256 whatever the curve, so a v1 signer accepts
/// only keys whose default hash is SHA-256: ECDSA P-256, RSA, or Ed25519.
public struct RekorNoteSigner: NoteSigner {
    public let name: String
    public let keyHint: UInt32
    /// Which Rekor generation's conventions apply.
    public let flavour: RekorFlavour
    /// The log ID, which the trusted root must list as this log's `logId.keyId`.
    public let logID: LogID
    private let signer: any KeySigner

    /// Creates a checkpoint signer.
    ///
    /// - Parameters:
    ///   - name: the key name: the hostname of the log URL (for v2, also the checkpoint origin).
    ///   - signer: the log's signing key.
    ///   - flavour: the Rekor generation.
    /// - Throws: ``NoteError/Code-swift.enum/unsupportedKey`` for a v1 P-384 or P-521 key.
    public init(name: String, signer: any KeySigner, flavour: RekorFlavour) throws(NoteError) {
        try KeyName.validate(name)
        let key = signer.publicKey
        if flavour == .v1, key.algorithm == .ecdsaP384 || key.algorithm == .ecdsaP521 {
            throw NoteError(.unsupportedKey, "Rekor v1 checkpoints are verified over SHA-256; a \(key.algorithm) key signs with another hash")
        }
        self.name = name
        self.flavour = flavour
        self.signer = signer
        self.logID = RekorNoteVerifier.logID(name: name, publicKey: key, flavour: flavour)
        self.keyHint = logID.keyHint
    }

    /// The verifier for this signer's key.
    public var verifier: RekorNoteVerifier {
        RekorNoteVerifier(validName: name, publicKey: signer.publicKey, flavour: flavour)
    }

    public func signature(for message: [UInt8]) async throws -> [UInt8] {
        try await signer.signature(for: message)
    }
}
