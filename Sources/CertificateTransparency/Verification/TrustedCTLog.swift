public import Foundation
public import SigstoreCrypto

/// A CT log the verifier trusts: a trusted root's `ctlogs[]` entry (interop contract §10.1),
/// taken as plain values so this module does not depend on the trust-root models.
public struct TrustedCTLog: Sendable, Hashable {
    /// The ID SCTs name the log by (`logId.keyId`); normally SHA-256 of the key's DER SPKI.
    public let logID: [UInt8]
    /// The log's public key.
    public let publicKey: PublicKey
    /// The start of the key's `validFor`, if any.
    public let validFrom: Date?
    /// The inclusive end of the key's `validFor`, if any.
    public let validUntil: Date?
    /// A label for reports (for example the log's base URL).
    public let name: String?

    /// Creates a trusted log.
    ///
    /// - Parameter logID: The trust root's log ID; `nil` derives it from `publicKey` (RFC 6962 §3.2).
    /// - Throws: ``CTError/Code/malformedEncoding`` when `logID` is not 32 bytes or the validity
    ///   window ends before it starts.
    public init(publicKey: PublicKey, logID: [UInt8]? = nil, validFrom: Date? = nil, validUntil: Date? = nil, name: String? = nil) throws {
        let logID = logID ?? publicKey.keyID
        guard logID.count == 32 else {
            throw CTError(.malformedEncoding, "a CT log ID is 32 bytes, got \(logID.count)")
        }
        if let validFrom, let validUntil, validUntil < validFrom {
            throw CTError(.malformedEncoding, "the CT log's validity window ends before it starts")
        }
        self.logID = logID
        self.publicKey = publicKey
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.name = name
    }

    /// Whether `time` lies in `validFor`, both ends inclusive.
    public func isValid(at time: Date) -> Bool {
        (validFrom.map { time >= $0 } ?? true) && (validUntil.map { time <= $0 } ?? true)
    }
}
