import Foundation
import SwiftASN1

extension CMSAttribute {
    /// A signingTime attribute: UTCTime for 1950–2049 and GeneralizedTime otherwise (RFC 5652 §11.3).
    init(signingTime: Date) throws {
        let time = try GeneralizedTime(millisecondsOf: signingTime)
        if (1950...2049).contains(time.year) {
            let utc = try UTCTime(
                year: time.year, month: time.month, day: time.day,
                hours: time.hours, minutes: time.minutes, seconds: time.seconds
            )
            try self.init(.CMSAttributeType.signingTime, value: utc)
        } else {
            let whole = try GeneralizedTime(
                year: time.year, month: time.month, day: time.day,
                hours: time.hours, minutes: time.minutes, seconds: time.seconds, fractionalSeconds: 0
            )
            try self.init(.CMSAttributeType.signingTime, value: whole)
        }
    }
}
