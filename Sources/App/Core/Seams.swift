import Domain
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The clock seam (STYLE.md habit 8): tests fix the date; production reads the system clock.
struct AppClock: Sendable {
    let now: @Sendable () -> Date
    static let system = AppClock { Date() }

    var seconds: Int64 { Int64(now().timeIntervalSince1970) }
    var millis: Int64 { Int64((now().timeIntervalSince1970 * 1000).rounded()) }
    /// Today in Asia/Shanghai (UTC+8, no daylight saving): the day deadlines are counted in.
    var today: CivilDate { CivilDate(dayNumber: Int((seconds + 8 * 3600).floorDivided(by: 86_400))) }
}

/// A clock a test can move forward.
final class ManualClock: Sendable {
    private let box: NIOLockedValueBox<Date>
    init(_ start: Date) { box = NIOLockedValueBox(start) }
    func advance(seconds: TimeInterval) { box.withLockedValue { $0 += seconds } }
    var clock: AppClock { AppClock { [box] in box.withLockedValue { $0 } } }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = AppClock }
    var clock: AppClock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    var clock: AppClock { application.clock }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
