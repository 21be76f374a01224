import Foundation
import SignedNote
import SigstoreCrypto
import SigstoreModels

/// A trusted root `tlogs[]` entry, parsed once: the key that signs checkpoints and SETs, the
/// ID bundles name it by, and when the key may be used.
struct TrustedLog: Sendable {
    /// `logId.keyId`: bundles are matched to logs by this exact value (interop contract §11.6).
    let logID: [UInt8]
    let publicKey: PublicKey
    let validFor: TimeRange
    let baseURL: String
    /// The host of `baseURL`: a Rekor v2 log's checkpoint origin and key name.
    let hostname: String?
    /// Rekor v1 checkpoint rules: every signature line must be this key's.
    let v1Checkpoint: RekorNoteVerifier
    /// Rekor v2 checkpoint rules: the line named `hostname` with this key's hint; `nil` when
    /// the base URL has no usable host.
    let v2Checkpoint: RekorNoteVerifier?

    init(_ instance: TransparencyLogInstance, index: Int) throws(VerificationError) {
        let label = "tlogs[\(index)]"
        guard instance.hashAlgorithm == .sha2_256 else {
            throw VerificationError(.invalidTrustedRoot, "\(label).hashAlgorithm \(instance.hashAlgorithm.rawValue) is not SHA2_256")
        }
        guard let logID = instance.logId?.keyId, logID.count == 32 else {
            throw VerificationError(.invalidTrustedRoot, "\(label).logId.keyId is missing or not 32 bytes")
        }
        // sigstore-go refuses a log key without a start: the key's age bounds what it may have signed.
        guard let validFor = instance.publicKey?.validFor, validFor.start != nil else {
            throw VerificationError(.invalidTrustedRoot, "\(label).publicKey.validFor.start is missing")
        }
        try TrustedRootReader.checkOrder(of: validFor, at: label + ".publicKey")
        let key = try TrustedRootReader.publicKey(instance.publicKey, at: label)
        let hostname = TrustedRootReader.hostname(of: instance.baseUrl)
        do {
            // The v1 policy compares key hints only, so the name there is just a label.
            v1Checkpoint = try RekorNoteVerifier(name: hostname ?? "rekor", publicKey: key, flavour: .v1)
            v2Checkpoint = try hostname.map { host throws(NoteError) in try RekorNoteVerifier(name: host, publicKey: key, flavour: .v2) }
        } catch {
            throw VerificationError(.invalidTrustedRoot, "\(label) cannot verify checkpoints: \(error)")
        }
        self.logID = logID
        self.publicKey = key
        self.validFor = validFor
        self.baseURL = instance.baseUrl
        self.hostname = hostname
    }
}
