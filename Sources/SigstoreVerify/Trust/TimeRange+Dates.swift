import Foundation
import SigstoreModels

extension TimeRange {
    /// Whether `date` lies in the period, both ends included, compared as dates.
    ///
    /// `TimeRange.contains(_:)` converts the date to a `ProtoTimestamp`, which traps for dates
    /// beyond `Int64` seconds; bundle times are attacker-controlled until verified, so compare
    /// the other way round.
    func covers(_ date: Date) -> Bool {
        if let start, date < start.date { return false }
        if let end, date > end.date { return false }
        return true
    }
}
