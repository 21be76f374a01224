import SignedNote
import SigstoreVerify

/// A Rekor v1 checkpoint (interop contract §6) whose signature a trusted log key verified.
struct VerifiedCheckpoint: Sendable {
    /// The signed note exactly as the log served it; what `--save-checkpoint` writes.
    let text: String
    let checkpoint: Checkpoint
    /// The trusted key that signed it.
    let key: TrustedLogKeys.Key

    var origin: String { checkpoint.origin }
    var treeSize: UInt64 { checkpoint.treeSize }
    var rootHash: [UInt8] { checkpoint.rootHash }

    /// Parses `text` and verifies it with one of `candidates`: Rekor v1 rules, so every
    /// signature line must be by that key (sigstore-go's rule, §6.3).
    ///
    /// - Parameter candidates: The keys that may have signed it; when `nil`, every trusted key
    ///   whose key hint matches the note's first signature line.
    /// - Throws: ``VerificationError/Code/invalidTransparencyLogEntry`` when the note is
    ///   malformed or no candidate key signed it.
    init(_ text: String, trusting keys: TrustedLogKeys, candidates: [TrustedLogKeys.Key]? = nil) throws(VerificationError) {
        let note: Note
        let checkpoint: Checkpoint
        do {
            note = try Note(parsing: text)
            checkpoint = try Checkpoint(note: note)
        } catch {
            throw VerificationError.transparencyLog("the checkpoint is malformed: \(error)")
        }
        guard let firstLine = note.signatures.first else {
            throw VerificationError.transparencyLog("the checkpoint has no signature")
        }
        let chosen = candidates ?? keys.keys(keyHint: firstLine.keyHint)
        guard !chosen.isEmpty else {
            throw VerificationError.transparencyLog("the checkpoint of \(String(reflecting: checkpoint.origin)) is signed by key \(firstLine.name)+\(Self.hex(firstLine.keyHint)), which is not a trusted log key")
        }
        var firstFailure: NoteError?
        for key in chosen {
            do throws(NoteError) {
                try note.verify(with: [key.noteVerifier], policy: .everyLineByKnownKey)
                self.text = text
                self.checkpoint = checkpoint
                self.key = key
                return
            } catch {
                firstFailure = firstFailure ?? error
            }
        }
        throw VerificationError.transparencyLog("the checkpoint signature does not verify with the trusted log key: \(firstFailure.map(String.init(describing:)) ?? "no key")")
    }

    /// A key hint as eight hex digits, as signed-note tools print it.
    private static func hex(_ hint: UInt32) -> String {
        let digits = String(hint, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
