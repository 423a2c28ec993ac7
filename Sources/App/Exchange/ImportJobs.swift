import Foundation
import Vapor

/// The imports this process is running, with how far each has come, for the page that shows a long
/// import's progress (`ImportWebController`). One run per import at a time: a second 试导入 or 导入
/// of the same upload while one runs here is refused.
final class ImportJobs: @unchecked Sendable {
    struct Progress: Sendable, Equatable {
        var done: Int
        var total: Int
        var commit: Bool
    }

    private let lock = NSLock()
    private var running: [UUID: Progress] = [:]

    /// Claims the import for a run; false when one is running here already.
    func start(_ id: UUID, total: Int, commit: Bool) -> Bool {
        lock.withLock {
            guard running[id] == nil else { return false }
            running[id] = Progress(done: 0, total: total, commit: commit)
            return true
        }
    }

    func update(_ id: UUID, done: Int, total: Int) {
        lock.withLock {
            running[id]?.done = done
            running[id]?.total = total
        }
    }

    func finish(_ id: UUID) { lock.withLock { _ = running.removeValue(forKey: id) } }

    func progress(_ id: UUID) -> Progress? { lock.withLock { running[id] } }
}

extension Application {
    private struct ImportJobsKey: StorageKey { typealias Value = ImportJobs }

    /// Made once at boot (`installImportJobs`), like the write queue.
    var importJobs: ImportJobs {
        guard let jobs = storage[ImportJobsKey.self] else { preconditionFailure("the import jobs are made at boot") }
        return jobs
    }

    func installImportJobs() { storage[ImportJobsKey.self] = ImportJobs() }
}
