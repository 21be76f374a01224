public import SwiftASN1
import X509

extension TimestampIssuer {
    /// Checks `request` against this issuer's rules and returns the policy the token will carry.
    ///
    /// - Throws: ``TimestampError`` with ``TimestampError/Code/unsupportedVersion`` (version ≠ 1),
    ///   ``TimestampError/Code/unsupportedHashAlgorithm`` (SHA-1 or unknown, or hash parameters other than
    ///   absent/NULL), ``TimestampError/Code/imprintLengthMismatch``, ``TimestampError/Code/unacceptedPolicy``,
    ///   ``TimestampError/Code/unacceptedExtension``. ``TimestampError/failureInfo`` maps each to a PKIFailureInfo.
    public func validate(_ request: TimeStampRequest) throws -> ASN1ObjectIdentifier {
        guard request.version == 1 else {
            throw TimestampError(.unsupportedVersion, "TimeStampReq version must be 1, got \(request.version)")
        }
        try request.messageImprint.validated()
        if let extensions = request.extensions, !self.configuration.acceptsExtensions {
            let names = extensions.map { "\($0.oid)" }.joined(separator: ", ")
            throw TimestampError(.unacceptedExtension, "request extensions are not accepted: \(names)")
        }
        guard let requested = request.requestedPolicy else {
            return self.configuration.defaultPolicy
        }
        guard requested == self.configuration.defaultPolicy || self.configuration.acceptedPolicies.contains(requested) else {
            throw TimestampError(.unacceptedPolicy, "policy \(requested) is not accepted")
        }
        return requested
    }
}
