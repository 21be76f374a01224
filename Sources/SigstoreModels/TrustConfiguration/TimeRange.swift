public import Foundation

/// A closed validity period (`dev.sigstore.common.v1.TimeRange`); a missing `end` means the
/// period has not ended.
public struct TimeRange: Sendable, Hashable, Codable {
    public var start: ProtoTimestamp?
    public var end: ProtoTimestamp?

    public init(start: ProtoTimestamp?, end: ProtoTimestamp? = nil) {
        self.start = start
        self.end = end
    }

    /// Whether `date` lies in the period, both ends included. A missing `start` is treated as
    /// unbounded here; callers that require a start (as sigstore-go does for log keys) check
    /// it themselves.
    public func contains(_ date: Date) -> Bool {
        contains(ProtoTimestamp(date))
    }

    /// Whether `instant` lies in the period, both ends included.
    public func contains(_ instant: ProtoTimestamp) -> Bool {
        if let start, instant < start { return false }
        if let end, instant > end { return false }
        return true
    }

    private static let fields = ProtoFields("start", "end")

    public init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        start = try reader.timestamp("start")
        end = try reader.timestamp("end")
    }

    public func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        try writer.timestamp(start, as: "start")
        try writer.timestamp(end, as: "end")
    }
}
