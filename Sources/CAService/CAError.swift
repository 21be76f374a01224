/// Why the certificate authority refused to issue, or could not start.
///
/// Match on ``code``; ``message`` is for people and may change. Every code maps to one HTTP
/// status in ServerSupport: refused requests (token, CSR, key, proof of possession, size) are
/// 4xx with nothing issued or logged, failures of the CA or the CT log are 500.
public struct CAError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in a form callers can match on.
    public enum Code: Sendable, Hashable {
        /// The identity token was refused (malformed, expired, wrong audience, unknown issuer, bad
        /// signature) or its claims do not make an identity this issuer allows.
        case invalidToken
        /// The request body is malformed or has neither or both of CSR and public key.
        case invalidRequest
        /// The request body is larger than the CA reads.
        case requestTooLarge
        /// The key is of an unsupported type or too weak.
        case unsupportedKey
        /// The CSR signature or the signed challenge does not verify.
        case invalidProofOfPossession
        /// The CA could not sign, the CT log did not answer, or its SCT did not verify.
        case issuanceFailed
        /// The CA configuration (keys, chain, issuers, templates) is invalid.
        case invalidConfiguration
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

    public var description: String { "CAError.\(code): \(message)" }
}
