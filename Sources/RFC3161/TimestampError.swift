/// Why a timestamp request, response or token was rejected.
///
/// Match on ``code``; ``message`` is for humans and may change.
public struct TimestampError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// The DER/BER could not be parsed as the expected structure.
        case malformedEncoding
        /// The version field is not the one this module supports (1 for requests and TSTInfo).
        case unsupportedVersion
        /// The hash algorithm is not SHA-256, SHA-384 or SHA-512 (SHA-1 is refused).
        case unsupportedHashAlgorithm
        /// The digest length does not match the hash algorithm.
        case imprintLengthMismatch
        /// The requested policy is not one this authority accepts.
        case unacceptedPolicy
        /// The request carries extensions and this authority accepts none.
        case unacceptedExtension
        /// The request asks for something else this authority does not grant.
        case unacceptedRequest
        /// The issuer could not produce a token (unsupported key, signer failure, certificate it cannot describe).
        case issuanceFailed
        /// The response status is not granted, or a granted response lacks its token.
        case notGranted
        /// The CMS signature over the signed attributes does not verify, or its algorithm is unsupported.
        case invalidSignature
        /// The signed attributes are missing, duplicated or disagree with the content (contentType, messageDigest).
        case invalidSignedAttributes
        /// The signer is not the leaf of any trusted TSA, or the ESS signing-certificate attribute names another
        /// certificate.
        case untrustedSigner
        /// The TSA certificate profile is wrong (leaf EKU not critical timeStamping alone, key usage) or its chain does
        /// not validate at genTime.
        case invalidCertificateChain
        /// The message imprint does not match the hash of the signature bytes.
        case imprintMismatch
        /// The nonce does not match the one sent.
        case nonceMismatch
        /// genTime lies outside the trusted TSA's validity window.
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
