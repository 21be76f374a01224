public import Foundation

/// A time-stamp token that verified: the time it certifies and who certified it.
public struct VerifiedTimestamp: Sendable, Hashable {
    /// The certified time (TSTInfo `genTime`).
    public let genTime: Date
    /// The verified TSTInfo.
    public let tstInfo: TSTInfo
    /// The trusted TSA whose leaf signed the token.
    public let authority: TrustedTimestampAuthority
}
