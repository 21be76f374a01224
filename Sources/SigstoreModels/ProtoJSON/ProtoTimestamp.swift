public import Foundation

/// A `google.protobuf.Timestamp`: whole seconds since the Unix epoch plus nanoseconds.
///
/// Kept as two integers rather than a `Date` so that a timestamp read from a document is
/// written back exactly (a `Date` cannot hold every nanosecond). Use ``date`` to compare
/// with clock times. In JSON it is RFC 3339 text; see ``init(rfc3339:)`` and ``rfc3339``.
public struct ProtoTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z; may be negative.
    public var seconds: Int64
    /// Nanoseconds within the second, `0..<1_000_000_000`.
    public var nanos: Int32

    /// 0001-01-01T00:00:00Z, the earliest instant protobuf timestamps allow.
    static let minimumSeconds: Int64 = -62_135_596_800
    /// 9999-12-31T23:59:59Z, the latest whole second protobuf timestamps allow.
    static let maximumSeconds: Int64 = 253_402_300_799

    /// A timestamp from its parts; `nanos` must be in `0..<1_000_000_000`.
    public init(seconds: Int64, nanos: Int32 = 0) {
        precondition((0..<1_000_000_000).contains(nanos), "nanos out of range")
        self.seconds = seconds
        self.nanos = nanos
    }

    /// The timestamp nearest to `date`, to the microsecond: a `Date` holds present-day times
    /// only to about a quarter of a microsecond, so finer digits would be noise.
    public init(_ date: Date) {
        let interval = date.timeIntervalSince1970
        let whole = interval.rounded(.down)
        var seconds = Int64(whole)
        var nanos = Int32(((interval - whole) * 1_000_000).rounded()) * 1000
        if nanos >= 1_000_000_000 {
            seconds += 1
            nanos -= 1_000_000_000
        }
        self.init(seconds: seconds, nanos: nanos)
    }

    /// The same instant as a `Date` (to within a `Double`'s precision).
    public var date: Date {
        Date(timeIntervalSince1970: Double(seconds) + Double(nanos) / 1_000_000_000)
    }

    public static func < (lhs: ProtoTimestamp, rhs: ProtoTimestamp) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }

    public var description: String { rfc3339 }
}
