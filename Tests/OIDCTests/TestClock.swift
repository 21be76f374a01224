import Foundation
import Synchronization

/// A clock tests move by hand, so cache lifetimes and refresh intervals can be crossed instantly.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date()) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    /// The clock as the verifier takes it.
    var reading: @Sendable () -> Date {
        { [self] in now }
    }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
