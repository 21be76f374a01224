/// The one error type of `SigstoreCrypto`.
///
/// Match on ``code``; ``message`` is for people and may change.
public struct CryptoError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in a form callers can match on.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// DER or PEM input could not be parsed as the expected key structure.
        case malformedKey
        /// The key or signature algorithm is well formed but not supported here (for example
        /// secp256k1, Ed25519ph, ML-DSA, LMS, encrypted private keys).
        case unsupportedAlgorithm
        /// The key is parseable but too weak to use (RSA outside 2048…4096 bits, or e ≠ 65537).
        case weakKey
        /// The requested ``PublicKeyDetails`` or hash does not fit the key.
        case mismatchedDetails
        /// A digest's length does not match its hash algorithm.
        case invalidDigest
        /// The underlying signing primitive failed.
        case signingFailed
        /// An encrypted key file could not be opened: wrong password, or the file was corrupted
        /// or tampered with (the two cannot be told apart).
        case decryptionFailed
    }

    /// The matchable kind of failure.
    public var code: Code
    /// A human-readable explanation.
    public var message: String

    /// Creates an error with a code and an explanation.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "CryptoError.\(code.rawValue): \(message)" }
}
