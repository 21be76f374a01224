/// Why a bundle failed verification. Verification fails closed: any error rejects the bundle.
///
/// Match on ``code``; ``message`` is one line for people and may change.
public struct VerificationError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// The bundle breaks the structural rules of its version (media type, material, entries),
        /// or is not a bundle at all.
        case invalidBundle
        /// The trusted root is unusable (no CA, malformed keys, wrong key details).
        case invalidTrustedRoot
        /// The policy itself is malformed (for example a regular expression that does not compile).
        case invalidPolicy
        /// The artifact could not be read.
        case unreadableArtifact
        /// The leaf certificate does not chain to a trusted CA at every trusted time, or breaks
        /// the Fulcio leaf profile.
        case untrustedCertificate
        /// The embedded SCT is missing, unknown or invalid.
        case invalidSCT
        /// The transparency log entry, its inclusion proof, checkpoint or SET does not verify,
        /// or its body does not describe this bundle.
        case invalidTransparencyLogEntry
        /// An RFC 3161 timestamp does not verify against a trusted TSA.
        case invalidTimestamp
        /// No trusted source of signing time remains.
        case noTrustedTime
        /// The artifact signature or DSSE envelope does not verify.
        case invalidSignature
        /// The artifact (or digest) is not the one the bundle signs.
        case artifactMismatch
        /// The certificate identity or issuer does not satisfy the policy, or the bundle's kind
        /// of signer (certificate or managed key) is not the one the policy expects.
        case identityMismatch
    }

    /// Which rule failed.
    public var code: Code
    /// One line saying what failed, for people.
    public var message: String

    /// Creates an error; line breaks in `message` (from wrapped errors) become spaces, so every
    /// reason prints as one line.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    public var description: String { message }
}
