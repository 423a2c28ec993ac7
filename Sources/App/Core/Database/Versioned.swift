import Domain
import Fluent
import FluentSQL
import Foundation

/// Optimistic concurrency for any table with `id` and `version` columns: the first statement of
/// an edit's transaction claims the next version, so of two concurrent edits based on the same
/// version exactly one wins and the other is told, never silently overwritten.
enum Versioned {
    static func claim(_ table: String, id: UUID, expected: Int, on db: any Database) async throws {
        let rows = try await db.sql.raw(
            "UPDATE \(ident: table) SET version = version + 1 WHERE id = \(bind: id) AND version = \(bind: expected) RETURNING version"
        ).all()
        if rows.isEmpty {
            let current = try await db.sql.raw("SELECT version FROM \(ident: table) WHERE id = \(bind: id)").first()
            guard let current, let version = try? current.decode(column: "version", as: Int.self) else {
                throw AppError.notFound
            }
            _ = try VersionCheck.next(editing: expected, current: version)
        }
    }
}
