public import SigstoreCrypto

/// Verifies a Rekor log's checkpoint signatures with any key type SigstoreCrypto supports.
///
/// The key hint and the signature scheme depend on the ``RekorFlavour``. For Rekor v1 use
/// ``NoteVerificationPolicy/everyLineByKnownKey`` to match sigstore-go, which rejects any line
/// not signed by the log key.
public struct RekorNoteVerifier: NoteVerifier {
    public let name: String
    public let keyHint: UInt32
    /// The log's public key.
    public let publicKey: PublicKey
    /// Which Rekor generation's conventions apply.
    public let flavour: RekorFlavour
    /// The log ID: what the trusted root's `logId.keyId` must be for this key.
    public let logID: LogID

    /// Creates a verifier for a log key.
    ///
    /// - Parameters:
    ///   - name: the key name on the log's signature line: the hostname of the log URL (for v2
    ///     also the checkpoint origin). It takes part in the v2 log ID of Ed25519 and RSA keys.
    ///   - publicKey: the log's key.
    ///   - flavour: the Rekor generation.
    public init(name: String, publicKey: PublicKey, flavour: RekorFlavour) throws(NoteError) {
        try KeyName.validate(name)
        self.init(validName: name, publicKey: publicKey, flavour: flavour)
    }

    /// Creates a verifier for a name already checked with ``KeyName``.
    init(validName name: String, publicKey: PublicKey, flavour: RekorFlavour) {
        self.name = name
        self.publicKey = publicKey
        self.flavour = flavour
        self.logID = Self.logID(name: name, publicKey: publicKey, flavour: flavour)
        self.keyHint = logID.keyHint
    }

    /// The log ID of `publicKey` under the flavour's rules (interop contract §6.2).
    public static func logID(name: String, publicKey: PublicKey, flavour: RekorFlavour) -> LogID {
        switch (flavour, publicKey.algorithm) {
        case (.v1, _), (.v2, .ecdsaP256), (.v2, .ecdsaP384), (.v2, .ecdsaP521):
            LogID(subjectPublicKeyInfo: publicKey.derRepresentation)
        case (.v2, .ed25519):
            LogID(name: name, type: .ed25519, keyMaterial: publicKey.rawEd25519 ?? [])
        case (.v2, .rsa):
            LogID(name: name, typeByte: NoteSignatureType.undefined.rawValue,
                  keyMaterial: Array(LogID.rsaIdentifier.utf8) + publicKey.derRepresentation)
        }
    }

    /// A verifier from an ECDSA verifier key string of type 0x02 (transparency-dev/witness),
    /// which uses the Rekor v1 conventions: hint SHA-256(DER SPKI)[:4], signature over SHA-256.
    init(name: String, witnessECDSAKey spki: [UInt8]) throws(NoteError) {
        let key: PublicKey
        do {
            key = try PublicKey(derEncoded: spki)
        } catch {
            throw NoteError(.malformedKey, "ECDSA verifier key is not a valid SubjectPublicKeyInfo: \(error)")
        }
        guard [.ecdsaP256, .ecdsaP384, .ecdsaP521].contains(key.algorithm) else {
            throw NoteError(.unsupportedKey, "verifier key of type 0x02 holds a \(key.algorithm) key, not ECDSA")
        }
        try self.init(name: name, publicKey: key, flavour: .v1)
    }

    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        switch (flavour, publicKey.algorithm) {
        case (_, .ed25519):
            publicKey.isValidSignature(signature, for: message, details: .pkixEd25519)
        case (.v2, .ecdsaP384), (.v2, .ecdsaP521):
            publicKey.isValidSignature(signature, for: message, details: publicKey.defaultDetails)
        case (_, .ecdsaP256), (.v1, .ecdsaP384), (.v1, .ecdsaP521), (_, .rsa):
            // Without details, ECDSA keys accept the given hash and RSA keys use PKCS#1 v1.5.
            publicKey.isValidSignature(signature, forDigest: HashAlgorithm.sha256.hash(message), hash: .sha256)
        }
    }
}
