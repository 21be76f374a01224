/// Why a timestamp request, response or token was rejected.
public struct TimestampError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// The DER/BER could not be parsed as the expected structure.
        case malformedEncoding
        /// The hash algorithm is not SHA-256, SHA-384 or SHA-512, or the digest length does not match it.
        case unsupportedHashAlgorithm
        /// The request asks for something this authority does not grant (policy, extensions).
        case unacceptedRequest
        /// The response status is not granted.
        case notGranted
        /// The token's signature, signer or certificate chain does not verify.
        case invalidSignature
        /// The token does not match what the caller expected (imprint, nonce, policy).
        case mismatch
        /// A time lies outside a validity window.
        case outsideValidity
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
