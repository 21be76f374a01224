import Foundation
import SignedNote
import SigstoreCrypto
import SigstoreModels
import SigstoreVerify

/// The Rekor v1 logs a trusted root trusts: each `tlogs[]` key whose log ID is the v1 ID of the
/// key (SHA-256 of its DER SubjectPublicKeyInfo, interop contract §6.2). Rekor v2 logs with
/// other IDs are left out; they have no v1 API to read.
struct TrustedLogKeys: Sendable {
    /// One trusted v1 log key.
    struct Key: Sendable {
        /// The 32-byte log ID, as the trusted root and the log's entries name it.
        let logID: [UInt8]
        let publicKey: PublicKey
        let validFor: TimeRange?
        let baseURL: String
        /// Verifies checkpoint lines by key hint, as Rekor v1 checkpoints require.
        let noteVerifier: RekorNoteVerifier
    }

    let keys: [Key]

    /// - Throws: ``VerificationError/Code/invalidTrustedRoot`` for a log key that cannot be read.
    init(_ root: TrustedRoot) throws(VerificationError) {
        var keys: [Key] = []
        for (index, instance) in root.tlogs.enumerated() {
            let label = "tlogs[\(index)]"
            guard let logID = instance.logId?.keyId, logID.count == 32 else {
                throw VerificationError(.invalidTrustedRoot, "\(label).logId.keyId is missing or not 32 bytes")
            }
            let key = try Self.publicKey(instance.publicKey, at: label)
            let verifier: RekorNoteVerifier
            do {
                verifier = try RekorNoteVerifier(name: URL(string: instance.baseUrl)?.host ?? "rekor", publicKey: key, flavour: .v1)
            } catch {
                throw VerificationError(.invalidTrustedRoot, "\(label) cannot verify checkpoints: \(error)")
            }
            guard verifier.logID.bytes == logID else { continue }
            keys.append(Key(logID: logID, publicKey: key, validFor: instance.publicKey?.validFor, baseURL: instance.baseUrl,
                            noteVerifier: verifier))
        }
        self.keys = keys
    }

    /// The keys with this exact log ID (a root may list one key twice, for different periods).
    func keys(logID: [UInt8]) -> [Key] {
        keys.filter { $0.logID == logID }
    }

    /// The keys whose signed-note key hint (the first four bytes of the log ID) is `hint`.
    func keys(keyHint hint: UInt32) -> [Key] {
        keys.filter { $0.noteVerifier.keyHint == hint }
    }

    /// The key `material` holds, in the encoding its `keyDetails` names.
    private static func publicKey(_ material: PublicKeyMaterial?, at label: String) throws(VerificationError) -> PublicKey {
        guard let material, let raw = material.rawBytes, !raw.isEmpty else {
            throw VerificationError(.invalidTrustedRoot, "\(label).publicKey has no rawBytes")
        }
        do {
            switch material.keyDetails {
            case PublicKeyDetails.pkcs1RSAPKCS1v5.rawValue, PublicKeyDetails.pkcs1RSAPSS.rawValue:
                return try PublicKey(pkcs1RSADER: raw)
            default:
                return try PublicKey(derEncoded: raw)
            }
        } catch {
            throw VerificationError(.invalidTrustedRoot, "\(label).publicKey is unusable: \(error)")
        }
    }
}
