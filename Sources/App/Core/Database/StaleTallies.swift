import FluentKit
import FluentSQL
import Foundation

/// Kept tallies a change has made stale, by unit and year. A write marks the unit and year it
/// touches in its own transaction; the room that keeps the tallies (the funnel's,
/// `FunnelTallies`) recounts the marked units before it answers. Each mark carries a fresh token,
/// so a recount clears only the mark it read: a change made during the recount stays marked.
enum StaleTallies {
    static let schema = "stale_tallies"

    static func mark(unit: UUID, year: Int, on db: any Database) async throws {
        try await db.sql.raw(
            """
            INSERT INTO stale_tallies (unit_id, year, token) VALUES (\(bind: unit), \(bind: year), \(bind: UUID().uuidString))
            ON CONFLICT (unit_id, year) DO UPDATE SET token = excluded.token
            """
        ).run()
    }

    /// The unit and year of an ISO day ("2026-11-21").
    static func mark(unit: UUID, day: String, on db: any Database) async throws {
        guard let year = Int(day.prefix(4)) else { return }
        try await mark(unit: unit, year: year, on: db)
    }
}
