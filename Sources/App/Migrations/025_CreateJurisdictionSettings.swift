import Fluent
import FluentSQL

/// A jurisdiction's own rules (`JurisdictionSettings`), one row per jurisdiction and the day it
/// takes effect: rows are added, never rewritten once in effect, so every past decision can be
/// traced to the rule that held that day. The response-clock tiers are kept as JSON (three tiers
/// of four numbers, read only whole); the rest as columns.
struct CreateJurisdictionSettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.raw(
            """
            CREATE TABLE jurisdiction_settings (
              jurisdiction_code TEXT NOT NULL, effective_from TEXT NOT NULL, clock_tiers TEXT NOT NULL,
              major_threshold_minor BIGINT NOT NULL, signed_not_started_days INTEGER NOT NULL, quiet_days INTEGER NOT NULL,
              note TEXT NOT NULL, set_by TEXT NOT NULL, set_at BIGINT NOT NULL,
              PRIMARY KEY (jurisdiction_code, effective_from))
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP TABLE jurisdiction_settings").run()
    }
}
