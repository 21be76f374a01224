/// Why a signed certificate timestamp or CT structure was rejected.
public struct CTError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// The TLS or DER encoding could not be parsed.
        case malformedEncoding
        /// The SCT version, hash or signature algorithm is not one CT defines or Sigstore accepts.
        case unsupportedAlgorithm
        /// No trusted log has the SCT's log ID, or the key is not valid at the SCT's time.
        case unknownLog
        /// The SCT's signature does not verify over the reconstructed signed data.
        case invalidSignature
        /// The certificate does not carry the expected SCT list or poison extension.
        case missingExtension
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
