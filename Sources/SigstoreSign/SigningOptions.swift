public import Foundation

/// Knobs of a signing run.
public struct SigningOptions: Sendable {
    /// Only use transparency logs of this API version (1 or 2); nil takes the highest offered.
    public var rekorVersion: UInt32?
    /// The clock for service selection and token expiry.
    public var clock: @Sendable () -> Date

    public init(rekorVersion: UInt32? = nil, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.rekorVersion = rekorVersion
        self.clock = clock
    }
}
