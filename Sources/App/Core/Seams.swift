import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The clock seam (STYLE.md habit 8): tests fix the date; production reads the system clock.
struct AppClock: Sendable {
    let now: @Sendable () -> Date
    static let system = AppClock { Date() }

    var seconds: Int64 { Int64(now().timeIntervalSince1970) }
    var millis: Int64 { Int64((now().timeIntervalSince1970 * 1000).rounded()) }
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
