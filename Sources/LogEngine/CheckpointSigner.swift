public import SignedNote
public import SigstoreCrypto

/// Signs the log's checkpoints the way a Rekor log of one flavour does (interop contract §5.5, §6).
///
/// | | origin | key name | key hint |
/// |---|---|---|---|
/// | ``RekorFlavour/v1`` | `<hostname> - <tree ID>` | `<hostname>` | SHA-256(DER SPKI)[:4] |
/// | ``RekorFlavour/v2`` | `<hostname>` | `<hostname>` | first 4 bytes of the §6.2 log ID |
///
/// The key signs through the ``KeySigner`` seam (in memory, HSM or KMS) with its default
/// details, which match what Rekor verifiers expect for every key type the flavour allows.
public struct CheckpointSigner: Sendable {
    /// The checkpoint origin line.
    public let origin: String
    /// The Rekor generation whose conventions apply.
    public let flavour: RekorFlavour
    /// The log's public key.
    public var publicKey: PublicKey { key.publicKey }
    /// The log ID (Rekor v1 `logID`, v2 `logId.keyId`): what a trusted root lists for this log.
    public let logID: LogID
    /// A verifier for the checkpoints this signer makes, as clients build it from a trusted root.
    public let verifier: RekorNoteVerifier

    private let key: any KeySigner

    /// A Rekor v1 signer: origin `"<hostname> - <treeID>"`.
    ///
    /// Rekor v1 verifiers check ECDSA checkpoint signatures over SHA-256 whatever the curve, so
    /// only P-256 among ECDSA keys is accepted (a P-384 key would sign over SHA-384).
    ///
    /// - Throws: ``LogEngineError/Code/invalidSigner`` for an unusable hostname or key.
    public static func rekorV1(hostname: String, treeID: Int64, key: any KeySigner) throws(LogEngineError) -> CheckpointSigner {
        switch key.publicKey.algorithm {
        case .ecdsaP256, .ed25519, .rsa:
            break
        case .ecdsaP384, .ecdsaP521:
            throw LogEngineError(.invalidSigner, "a Rekor v1 checkpoint key must be ECDSA P-256, Ed25519 or RSA, not \(key.publicKey.algorithm)")
        }
        return try CheckpointSigner(origin: "\(hostname) - \(treeID)", keyName: hostname, flavour: .v1, key: key)
    }

    /// A Rekor v2 (rekor-tiles) signer: origin and key name are the log's hostname, without
    /// scheme, port or path.
    ///
    /// - Throws: ``LogEngineError/Code/invalidSigner`` for an unusable hostname.
    public static func rekorV2(hostname: String, key: any KeySigner) throws(LogEngineError) -> CheckpointSigner {
        guard !hostname.contains(":"), !hostname.contains("/") else {
            throw LogEngineError(.invalidSigner, "a Rekor v2 origin is a bare hostname; \(String(reflecting: hostname)) has a scheme, port or path")
        }
        return try CheckpointSigner(origin: hostname, keyName: hostname, flavour: .v2, key: key)
    }

    private init(origin: String, keyName: String, flavour: RekorFlavour, key: any KeySigner) throws(LogEngineError) {
        do {
            verifier = try RekorNoteVerifier(name: keyName, publicKey: key.publicKey, flavour: flavour)
            // Validates the origin as a checkpoint line before any checkpoint is signed with it.
            _ = try Checkpoint(origin: origin, treeSize: 0, rootHash: [UInt8](repeating: 0, count: 32))
        } catch {
            throw LogEngineError(.invalidSigner, "cannot sign checkpoints as \(String(reflecting: keyName)): \(error)")
        }
        self.origin = origin
        self.flavour = flavour
        self.key = key
        logID = verifier.logID
    }

    /// The signed note text of the checkpoint for a tree of `treeSize` leaves with root `rootHash`.
    public func signedCheckpoint(treeSize: UInt64, rootHash: [UInt8]) async throws -> String {
        let checkpoint = try Checkpoint(origin: origin, treeSize: treeSize, rootHash: rootHash)
        let signer = KeyNoteSigner(name: verifier.name, keyHint: verifier.keyHint, key: key)
        return try await Note.signing(body: checkpoint.body, with: [signer]).formatted
    }
}
