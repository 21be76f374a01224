/// The one error type of `CertificateTransparency`: why a signed certificate timestamp or CT
/// structure was rejected.
///
/// Match on ``code``; ``message`` is for people and may change.
public struct CTError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in a form callers can match on.
    public enum Code: Sendable, Hashable {
        /// The TLS, JSON or DER encoding could not be parsed, was truncated or had trailing bytes.
        case malformedEncoding
        /// The SCT version, hash or signature algorithm is not one CT defines or Sigstore accepts,
        /// or a log key cannot sign SCTs.
        case unsupportedAlgorithm
        /// No trusted log has the SCT's log ID, or the key is not valid at the SCT's time.
        case unknownLog
        /// The SCT's signature does not verify over the reconstructed signed data.
        case invalidSignature
        /// The certificate does not carry the expected SCT list or poison extension.
        case missingExtension
        /// The certificate carries more or fewer SCTs than the caller's ``SCTPolicy`` allows.
        case unexpectedSCTCount
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

    public var description: String { "CTError.\(code): \(message)" }
}
