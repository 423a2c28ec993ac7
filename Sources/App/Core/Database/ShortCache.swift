import Foundation
import NIOConcurrencyHelpers
import Vapor

/// A small in-process cache for figures that change rarely and cost queries on every page
/// (division names, dashboard counts, the pipeline board). Entries live `ttl` seconds; concurrent
/// misses for one key share a single computation. Once an entry has a value, an expired entry
/// keeps answering with it while one refresh runs in the background, so nobody waits for a
/// province-sized recomputation every `ttl`. `invalidate` drops entries outright (the writer sees
/// the change at once), and a refresh begun before it is not stored. Each app process keeps its
/// own, so a change shows on another node after about `ttl`. An entry nobody asked for in
/// `forgottenAfter` seconds past its expiry is let go: keys name days and filters, and yesterday's
/// city tally must not stay in memory until the next restart.
final class ShortCache: Sendable {
    /// Keys under this prefix are dropped after every write transaction of a request.
    static let writeSensitive = "w:"
    /// The home page's headline counts (enterprises, units): dropped by the registry and the
    /// organisation when they change, so the key lives here, below all three.
    static let homeFigures = "home-figures:"

    private struct Entry {
        var expires: Date
        var task: Task<any Sendable, any Error>
        var refreshing = false
    }

    /// Seconds past its expiry after which an entry nobody asked for is dropped.
    static let forgottenAfter: TimeInterval = 600

    private struct State {
        var entries: [String: Entry] = [:]
        /// When the entries are next looked over for forgotten ones.
        var nextSweep = Date.distantPast
        /// Bumped by every invalidation: a refresh finishing under another generation is dropped.
        var generation = 0
    }

    private let state = NIOLockedValueBox(State())

    func value<T: Sendable>(_ key: String, ttl: TimeInterval, now: Date = Date(), compute: @escaping @Sendable () async throws -> T)
        async throws -> T
    {
        let task = state.withLockedValue { state -> Task<any Sendable, any Error> in
            if now >= state.nextSweep {
                state.entries = state.entries.filter { $0.value.expires.addingTimeInterval(Self.forgottenAfter) > now }
                state.nextSweep = now.addingTimeInterval(60)
            }
            if let entry = state.entries[key] {
                if entry.expires > now || entry.refreshing { return entry.task }
                // expired: answer with the value we have while one refresh runs
                state.entries[key]?.refreshing = true
                refresh(key, ttl: ttl, generation: state.generation, compute: compute)
                return entry.task
            }
            let task = Task<any Sendable, any Error> { try await compute() }
            state.entries[key] = Entry(expires: now.addingTimeInterval(ttl), task: task)
            return task
        }
        do {
            guard let value = try await task.value as? T else { throw AppError.notFound }
            return value
        } catch {
            // a failed computation is not kept
            state.withLockedValue { $0.entries[key] = nil }
            throw error
        }
    }

    private func refresh<T: Sendable>(_ key: String, ttl: TimeInterval, generation: Int, compute: @escaping @Sendable () async throws -> T)
    {
        Task {
            let fresh = Task<any Sendable, any Error> { try await compute() }
            let succeeded = (try? await fresh.value) != nil
            state.withLockedValue { state in
                guard state.generation == generation, state.entries[key] != nil else { return }
                if succeeded {
                    state.entries[key] = Entry(expires: Date().addingTimeInterval(ttl), task: fresh)
                } else {
                    state.entries[key]?.refreshing = false
                }
            }
        }
    }

    func invalidate(prefix: String) {
        state.withLockedValue { state in
            state.entries = state.entries.filter { !$0.key.hasPrefix(prefix) }
            state.generation += 1
        }
    }
}

extension Application {
    private struct CacheKey: StorageKey { typealias Value = ShortCache }
    /// Made once at boot (`installSharedState`), before any request can race to make two.
    var shortCache: ShortCache {
        guard let cache = storage[CacheKey.self] else { preconditionFailure("the short cache is made at boot") }
        return cache
    }

    func installShortCache() { storage[CacheKey.self] = ShortCache() }
}
