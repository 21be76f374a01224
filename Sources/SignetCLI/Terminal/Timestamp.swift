import Foundation
import SigstoreModels

/// How output writes instants: RFC 3339 in UTC, fractional seconds only when present.
enum Timestamp {
    static func format(_ date: Date) -> String {
        ProtoTimestamp(date).rfc3339
    }

    static func format(unixSeconds seconds: Int64) -> String {
        ProtoTimestamp(seconds: seconds).rfc3339
    }
}
