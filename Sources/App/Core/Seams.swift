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
    /// Today in Asia/Shanghai: the day deadlines are counted in.
    var today: CivilDate { BeijingTime.date(ofSeconds: seconds) }
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

/// Asia/Shanghai is UTC+8 all year (no daylight saving), so dates and times are plain arithmetic.
enum BeijingTime {
    static let offset: Int64 = 8 * 3600

    static func date(ofSeconds seconds: Int64) -> CivilDate {
        CivilDate(dayNumber: Int((seconds + offset).floorDivided(by: 86_400)))
    }

    /// "2026-11-21 09:00:00".
    static func text(millis: Int64) -> String {
        let seconds = millis.floorDivided(by: 1000)
        let ofDay = (seconds + offset) - (seconds + offset).floorDivided(by: 86_400) * 86_400
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date(ofSeconds: seconds)) \(two(ofDay / 3600)):\(two(ofDay % 3600 / 60)):\(two(ofDay % 60))"
    }

    /// The millisecond a day starts in Beijing.
    static func startMillis(of date: CivilDate) -> Int64 { (Int64(date.dayNumber) * 86_400 - offset) * 1000 }
}
