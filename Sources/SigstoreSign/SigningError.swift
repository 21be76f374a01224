/// Why producing a Sigstore bundle failed.
///
/// Match on ``code``; ``message`` is one line for people and may change.
public struct SigningError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// No identity token could be obtained, or the token is unusable.
        case identityToken
        /// The signing configuration names no usable service for a step.
        case signingConfiguration
        /// A service answered with something that does not match what was asked
        /// (a certificate for another key, a log entry for another artifact, ...).
        case inconsistentResponse
        /// The key material to sign with is unusable.
        case signingKey
        /// What was to be signed is unusable (an in-toto statement that does not parse, ...).
        case invalidContent
        /// A service could not be reached or refused the request; the message names it.
        case service
        /// The finished bundle does not pass Signet's own verifier, so it was not returned.
        case verificationFailed
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
