public import Foundation
public import X509

/// A TSA the verifier trusts: a trusted root's `timestampAuthorities[]` entry (interop contract §10.1).
public struct TrustedTimestampAuthority: Sendable, Hashable {
    /// The chain, leaf first and root last; the leaf is the only certificate whose signatures count.
    public let certificateChain: [Certificate]
    /// The start of `validFor`.
    public let validFrom: Date
    /// The inclusive end of `validFor`, if any.
    public let validUntil: Date?
    /// A label for reports (for example the TSA's URI or organization).
    public let name: String?

    /// Creates a trusted TSA.
    ///
    /// - Throws: ``TimestampError/Code/invalidCertificateChain`` when the chain has fewer than two certificates
    ///   (a leaf alone cannot be anchored; sigstore-python ignores such entries) or the window ends before it starts.
    public init(certificateChain: [Certificate], validFrom: Date, validUntil: Date? = nil, name: String? = nil) throws {
        guard certificateChain.count >= 2 else {
            throw TimestampError(
                .invalidCertificateChain,
                "a trusted TSA chain needs the leaf and its root, got \(certificateChain.count) certificate(s)"
            )
        }
        if let validUntil, validUntil < validFrom {
            throw TimestampError(.invalidCertificateChain, "the TSA validity window ends before it starts")
        }
        self.certificateChain = certificateChain
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.name = name
    }

    /// The TSA's signing certificate.
    public var leaf: Certificate { self.certificateChain[0] }

    /// The trust anchor.
    public var root: Certificate { self.certificateChain[self.certificateChain.count - 1] }

    /// The certificates between leaf and root.
    public var intermediates: ArraySlice<Certificate> { self.certificateChain.dropFirst().dropLast() }

    /// Whether `time` lies in `validFor`, both ends inclusive (the spec and sigstore-go; sigstore-python is strict at the end).
    public func isValid(at time: Date) -> Bool {
        time >= self.validFrom && self.validUntil.map { time <= $0 } ?? true
    }
}
