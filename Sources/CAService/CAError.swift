/// Why the certificate authority refused to issue. Every code maps to one HTTP status in
/// ServerSupport: bad requests (token, CSR, key, proof of possession) are 400, failures of the CA
/// or the CT log are 500.
public struct CAError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// The identity token was refused (expired, wrong audience, unknown issuer, bad signature…).
        case invalidToken
        /// The request body is malformed or has neither or both of CSR and public key.
        case invalidRequest
        /// The key is of an unsupported type or too weak.
        case unsupportedKey
        /// The CSR signature or the signed challenge does not verify.
        case invalidProofOfPossession
        /// The CA could not sign or the CT log did not answer.
        case issuanceFailed
        /// The CA configuration (keys, chain, issuers) is invalid.
        case invalidConfiguration
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
