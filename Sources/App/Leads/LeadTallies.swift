import FluentKit
import FluentSQL
import Foundation

extension StaleTallies {
    /// A lead's figures changed (merged, accepted, its project's verified stage or signing): the
    /// tallies of the unit that submitted it, for the year it was submitted, are stale.
    static func mark(lead id: UUID?, on db: any Database) async throws {
        guard let id else { return }
        try await db.sql.raw(
            """
            INSERT INTO stale_tallies (unit_id, year, token)
            SELECT submitter_unit_id, CAST(SUBSTR(submitted_on, 1, 4) AS INTEGER), \(bind: UUID().uuidString) FROM leads WHERE id = \(bind: id)
            ON CONFLICT (unit_id, year) DO UPDATE SET token = excluded.token
            """
        ).run()
    }
}
