import Foundation
import SigstoreVerify

/// The positional `FILE|sha256:HEX` argument of the verify commands.
///
/// Follows the sigstore-conformance rule: the text names a digest only when it is not an
/// existing path and parses as `sha256:` (or `sha384:`/`sha512:`) followed by the right number
/// of hex digits; otherwise it is a path.
struct ArtifactReference: Sendable, Hashable, CustomStringConvertible {
    let text: String
    let artifact: Artifact
    /// Whether the reference is a digest rather than a file.
    let isDigest: Bool

    init(_ text: String) {
        self.text = text
        if !FileManager.default.fileExists(atPath: text), let digest = Artifact(digestReference: text) {
            artifact = digest
            isDigest = true
        } else {
            artifact = .file(URL(fileURLWithPath: text))
            isDigest = false
        }
    }

    /// Fails early, with a clear reason, when the reference names a file that cannot be read.
    func checkReadable() throws(CLIError) {
        guard !isDigest else { return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: text, isDirectory: &isDirectory) else {
            let hint = text.contains(":") ? " (a digest is written sha256: followed by 64 hex digits)" : ""
            throw CLIError(.unreadableFile, "the artifact \(text) does not exist\(hint)")
        }
        guard !isDirectory.boolValue else {
            throw CLIError(.unreadableFile, "the artifact \(text) is a directory")
        }
        guard FileManager.default.isReadableFile(atPath: text) else {
            throw CLIError(.unreadableFile, "the artifact \(text) is not readable")
        }
    }

    var description: String { text }
}
