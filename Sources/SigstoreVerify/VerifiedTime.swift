public import Foundation

/// A time at which the signature is proven to have existed, and who vouches for it.
public struct VerifiedTime: Sendable, Hashable {
    /// Who vouches for a time.
    public enum Source: Sendable, Hashable {
        /// An RFC 3161 timestamp from the trusted TSA with this name (its URI in the trusted root).
        case timestampAuthority(String)
        /// A Rekor v1 log's signed entry timestamp, from the log at this base URL.
        case transparencyLog(String)
    }

    /// The proven time.
    public let date: Date
    /// Who proves it.
    public let source: Source
}
