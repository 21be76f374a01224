extension TimestampError {
    /// The `PKIFailureInfo` a TSA reports for this error, for callers that answer with a rejection body.
    public var failureInfo: PKIFailureInfo {
        switch self.code {
        case .unsupportedHashAlgorithm: .badAlgorithm
        case .imprintLengthMismatch, .malformedEncoding, .unsupportedVersion: .badDataFormat
        case .unacceptedPolicy: .unacceptedPolicy
        case .unacceptedExtension: .unacceptedExtension
        case .issuanceFailed: .systemFailure
        default: .badRequest
        }
    }

    /// Whether the error blames the request (HTTP 400) rather than the authority (HTTP 500).
    public var isRequestError: Bool {
        switch self.code {
        case .malformedEncoding, .unsupportedVersion, .unsupportedHashAlgorithm, .imprintLengthMismatch,
            .unacceptedPolicy, .unacceptedExtension, .unacceptedRequest:
            true
        default:
            false
        }
    }
}
