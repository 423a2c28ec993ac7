import Fluent
import FluentSQL

/// A month's one-time links are its drawn positions (`SatisfactionSurvey.drawn`): the count kept
/// beside them in `links_issued` could only ever repeat `drawn.count`, and the service no longer
/// writes it, so it goes. Migration 043 landed twice: first with the column (b37c05f), then
/// without it (1cfb6af, as it stands). A database made by the first has the column and loses it
/// here; one made by the second, or new, has nothing to drop.
struct UpdateSatisfactionSurveysDropLinksIssued: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard try await SchemaInspection.columnExists("links_issued", in: "satisfaction_surveys", on: database) else { return }
        try await database.sql.raw("ALTER TABLE satisfaction_surveys DROP COLUMN links_issued").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE satisfaction_surveys ADD COLUMN links_issued INTEGER NOT NULL DEFAULT 0").run()
    }
}
