import Fluent
import FluentSQL

/// The funnel's kept tallies per unit (and person) and year, and the marks that say which units'
/// tallies a write has made stale (`FunnelTallies`, `StaleTallies`); built from the records here.
struct CreateFunnelTallies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw(
            """
            CREATE TABLE funnel_tallies (
              year INTEGER NOT NULL, unit_id UUID NOT NULL, person_id UUID NOT NULL, jurisdiction_code TEXT NOT NULL,
              visits INTEGER NOT NULL, leads INTEGER NOT NULL, accepted INTEGER NOT NULL, signed INTEGER NOT NULL,
              producing INTEGER NOT NULL, PRIMARY KEY (year, unit_id, person_id))
            """
        ).run()
        try await sql.raw("CREATE INDEX funnel_tallies_scope ON funnel_tallies (year, person_id, jurisdiction_code)").run()
        try await sql.raw(
            "CREATE TABLE stale_tallies (unit_id UUID NOT NULL, year INTEGER NOT NULL, token TEXT NOT NULL, PRIMARY KEY (unit_id, year))"
        ).run()
        try await FunnelTallies.rebuild(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP TABLE funnel_tallies").run()
        try await database.sql.raw("DROP TABLE stale_tallies").run()
    }
}
