import Foundation
import NIOConcurrencyHelpers
import Testing

@testable import App

/// The short cache answers from its value while one refresh runs, and a write's invalidation wins
/// over a refresh that began before it.
@Suite("短时缓存")
struct ShortCacheTests {
    @Test func anExpiredValueAnswersWhileOneRefreshRuns() async throws {
        let cache = ShortCache()
        let calls = NIOLockedValueBox(0)
        let start = Date()
        @Sendable func compute() async throws -> Int {
            let n = calls.withLockedValue {
                $0 += 1; return $0
            }
            if n == 2 { try await Task.sleep(nanoseconds: 200_000_000) }
            return n
        }
        // concurrent misses share one computation
        async let a = cache.value("board", ttl: 5, now: start) { try await compute() }
        async let b = cache.value("board", ttl: 5, now: start) { try await compute() }
        #expect(try await [a, b] == [1, 1])
        // expired: the old value answers at once, twice, while a single refresh is under way
        let later = start.addingTimeInterval(6)
        #expect(try await cache.value("board", ttl: 5, now: later) { try await compute() } == 1)
        #expect(try await cache.value("board", ttl: 5, now: later) { try await compute() } == 1)
        // once the refresh lands (however busy the machine), its value answers; nothing computed a third time
        var latest = 0
        for _ in 0..<200 where latest != 2 {
            try await Task.sleep(nanoseconds: 50_000_000)
            latest = try await cache.value("board", ttl: 5) { try await compute() }
        }
        #expect(latest == 2)
        #expect(calls.withLockedValue { $0 } == 2)
    }

    @Test func aWriteDuringARefreshIsNotUndone() async throws {
        let cache = ShortCache()
        let version = NIOLockedValueBox(1)
        let start = Date()
        _ = try await cache.value("w:board", ttl: 5, now: start) { version.withLockedValue { $0 } }
        // a slow refresh starts from the old state, then a write lands and invalidates
        _ = try await cache.value("w:board", ttl: 5, now: start.addingTimeInterval(6)) { () async throws -> Int in
            let seen = version.withLockedValue { $0 }
            try await Task.sleep(nanoseconds: 200_000_000)
            return seen
        }
        version.withLockedValue { $0 = 2 }
        cache.invalidate(prefix: ShortCache.writeSensitive)
        try await Task.sleep(nanoseconds: 400_000_000)
        #expect(try await cache.value("w:board", ttl: 5) { version.withLockedValue { $0 } } == 2)
    }

    @Test func anEntryNobodyAskedForIsLetGo() async throws {
        let cache = ShortCache()
        let start = Date()
        _ = try await cache.value("progress|2026-11-20", ttl: 30, now: start) { 1 }
        _ = try await cache.value("progress|2026-11-21", ttl: 30, now: start) { 1 }
        // within the grace an expired entry still answers with its value while it refreshes
        let soon = start.addingTimeInterval(30 + ShortCache.forgottenAfter - 5)
        #expect(try await cache.value("progress|2026-11-21", ttl: 30, now: soon) { 2 } == 1)
        // past it, yesterday's entry is gone: asked again, it is computed afresh, not answered stale
        let late = start.addingTimeInterval(30 + ShortCache.forgottenAfter + 61)
        _ = try await cache.value("other", ttl: 30, now: late) { 0 }
        #expect(try await cache.value("progress|2026-11-20", ttl: 30, now: late) { 3 } == 3)
    }
}
