import Fluent
import FluentSQL
import Vapor

/// Serialises write transactions on SQLite. SQLite allows one writer; two deferred transactions
/// that both read and then write fail with SQLITE_BUSY_SNAPSHOT instead of waiting, so within
/// one process writers queue here. PostgreSQL needs no queue and gets none.
actor WriteQueue {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }
}

enum DatabaseEngine: String, Sendable { case sqlite, postgres }

extension Application {
    private struct EngineKey: StorageKey { typealias Value = DatabaseEngine }
    private struct QueueKey: StorageKey { typealias Value = WriteQueue }

    var databaseEngine: DatabaseEngine {
        get { storage[EngineKey.self] ?? .sqlite }
        set { storage[EngineKey.self] = newValue }
    }

    /// Made once at boot (`installSharedState`): two queues would let two writers past each other.
    var writeQueue: WriteQueue {
        guard let queue = storage[QueueKey.self] else { preconditionFailure("the write queue is made at boot") }
        return queue
    }

    func installWriteQueue() { storage[QueueKey.self] = WriteQueue() }

    /// Runs `work` in one transaction: all of it is written, or none of it.
    /// `database`: another connection of the same database (`importsDB`), for a long transaction.
    func writeTransaction<T: Sendable>(
        on database: (any Database)? = nil, _ work: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        let db = database ?? self.db
        guard databaseEngine == .sqlite else { return try await db.transaction(work) }
        let queue = writeQueue
        await queue.acquire()
        do {
            let result = try await db.transaction(work)
            await queue.release()
            return result
        } catch {
            await queue.release()
            throw error
        }
    }
}

extension Request {
    /// A user's change: once written, this process's short-lived figures that any write may
    /// change (keys under `ShortCache.writeSensitive`) are dropped, so the person who made it
    /// sees it at once.
    func writeTransaction<T: Sendable>(
        on database: (any Database)? = nil, _ work: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        let result = try await application.writeTransaction(on: database, work)
        application.shortCache.invalidate(prefix: ShortCache.writeSensitive)
        return result
    }
}

extension Database {
    var sql: any SQLDatabase { self as! any SQLDatabase }
}
