import Fluent
import FluentSQL

/// Lists newest first in the order of an index, the scope filtered as the index is walked:
/// leads (`LeadList.query`: the jurisdiction's over `leads_newest`, a unit's own over
/// `leads_unit_newest`) and the API's projects (`ProjectBoard.list`, by latest stage change, with
/// or without a stage). Before, SQLite read every row of the jurisdiction and sorted them. An
/// index an operator already made by hand under the same name is kept.
struct UpdateListsAddNewestIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("CREATE INDEX IF NOT EXISTS leads_newest ON leads (submitted_on, created_at, jurisdiction_code, status)").run()
        try await sql.raw("CREATE INDEX IF NOT EXISTS leads_unit_newest ON leads (submitter_unit_id, submitted_on, created_at)").run()
        try await sql.raw("CREATE INDEX IF NOT EXISTS projects_newest ON projects (stage_since, id, jurisdiction_code)").run()
        try await sql.raw("CREATE INDEX IF NOT EXISTS projects_stage_newest ON projects (stage, stage_since, id, jurisdiction_code)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("DROP INDEX leads_newest").run()
        try await sql.raw("DROP INDEX leads_unit_newest").run()
        try await sql.raw("DROP INDEX projects_newest").run()
        try await sql.raw("DROP INDEX projects_stage_newest").run()
    }
}
