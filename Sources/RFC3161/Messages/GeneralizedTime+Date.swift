import Foundation
import SwiftASN1

extension GeneralizedTime {
    /// The time `date` truncated to whole milliseconds, with trailing zeros dropped as DER requires.
    init(millisecondsOf date: Date) throws {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded(.down)
        // Years 0...9999 are all GeneralizedTime can hold; checking first keeps the Int64 conversion from trapping.
        guard milliseconds.isFinite, abs(milliseconds) < 3.0e14 else {
            throw ASN1Error.invalidASN1Object(reason: "\(date) cannot be a GeneralizedTime")
        }
        let totalMilliseconds = Int64(milliseconds)
        let (seconds, millisecond) = totalMilliseconds.floorDividedBy(1000)
        let (days, secondOfDay) = seconds.floorDividedBy(86_400)
        let (year, month, day) = GeneralizedTime.civilDate(daysSinceEpoch: days)
        var fraction = String(millisecond + 1000).dropFirst()  // zero-padded to three digits
        while fraction.last == "0" { fraction.removeLast() }
        try self.init(
            year: year,
            month: month,
            day: day,
            hours: Int(secondOfDay / 3600),
            minutes: Int(secondOfDay % 3600 / 60),
            seconds: Int(secondOfDay % 60),
            rawFractionalSeconds: ArraySlice(fraction.utf8)
        )
    }

    /// The instant this time names (UTC), fractional seconds included.
    var date: Date {
        let days = GeneralizedTime.daysSinceEpoch(year: self.year, month: self.month, day: self.day)
        let seconds = days * 86_400 + Int64(self.hours * 3600 + self.minutes * 60 + self.seconds)
        return Date(timeIntervalSince1970: TimeInterval(seconds) + self.fractionalSeconds)
    }

    // Proleptic Gregorian calendar arithmetic (H. Hinnant's days_from_civil), so no Calendar or time zone is involved.
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * monthIndex + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilDate(daysSinceEpoch days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}

extension Int64 {
    fileprivate func floorDividedBy(_ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = ((self % divisor) + divisor) % divisor
        return ((self - remainder) / divisor, remainder)
    }
}
