import Foundation
import NIOConcurrencyHelpers
import Vapor

/// A small in-process cache for figures that change rarely and cost queries on every page
/// (division names, dashboard counts). Entries live `ttl` seconds; concurrent misses for one key
/// share a single computation. Each app process keeps its own, so a change shows on another
/// node after at most `ttl`.
final class ShortCache: Sendable {
    /// Keys under this prefix are dropped after every write transaction of a request.
    static let writeSensitive = "w:"

    private struct Entry {
        var expires: Date
        var task: Task<any Sendable, any Error>
    }

    private let entries = NIOLockedValueBox<[String: Entry]>([:])

    func value<T: Sendable>(_ key: String, ttl: TimeInterval, now: Date = Date(), compute: @escaping @Sendable () async throws -> T)
        async throws -> T
    {
        let task = entries.withLockedValue { entries -> Task<any Sendable, any Error> in
            if let entry = entries[key], entry.expires > now { return entry.task }
            let task = Task<any Sendable, any Error> { try await compute() }
            entries[key] = Entry(expires: now.addingTimeInterval(ttl), task: task)
            return task
        }
        do {
            guard let value = try await task.value as? T else { throw AppError.notFound }
            return value
        } catch {
            // a failed computation is not kept
            entries.withLockedValue { $0[key] = nil }
            throw error
        }
    }

    func invalidate(prefix: String) {
        entries.withLockedValue { entries in entries = entries.filter { !$0.key.hasPrefix(prefix) } }
    }
}

extension Application {
    private struct CacheKey: StorageKey { typealias Value = ShortCache }
    var shortCache: ShortCache {
        if let cache = storage[CacheKey.self] { return cache }
        let cache = ShortCache()
        storage[CacheKey.self] = cache
        return cache
    }
}
