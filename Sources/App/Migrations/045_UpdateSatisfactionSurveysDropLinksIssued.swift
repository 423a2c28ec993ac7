import Fluent
import FluentSQL

/// A month's one-time links are its drawn positions (`SatisfactionSurvey.drawn`): the count kept
/// beside them in `links_issued` (migration 043 as it landed) could only ever repeat
/// `drawn.count`, and the service no longer writes it, so it goes. A database made while 043 was
/// briefly without the column has nothing to drop.
struct UpdateSatisfactionSurveysDropLinksIssued: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard try await SchemaInspection.columnExists("links_issued", in: "satisfaction_surveys", on: database) else { return }
        try await database.sql.raw("ALTER TABLE satisfaction_surveys DROP COLUMN links_issued").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE satisfaction_surveys ADD COLUMN links_issued INTEGER NOT NULL DEFAULT 0").run()
    }
}
