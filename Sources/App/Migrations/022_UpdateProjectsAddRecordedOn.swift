import Fluent
import FluentSQL

/// 补录 (SPEC §5, `BackFill`): the day a project and a funds entry were recorded, beside the day
/// they happened, so a history entered from a ledger is marked as back-filled. Before this, an
/// acceptance was always dated the day it was recorded: existing projects take their acceptance
/// day; existing funds entries stay unknown (never marked).
struct UpdateProjectsAddRecordedOn: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("ALTER TABLE projects ADD COLUMN recorded_on TEXT").run()
        try await sql.raw("UPDATE projects SET recorded_on = accepted_on").run()
        try await sql.raw("ALTER TABLE funds_arrivals ADD COLUMN recorded_on TEXT").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("ALTER TABLE funds_arrivals DROP COLUMN recorded_on").run()
        try await sql.raw("ALTER TABLE projects DROP COLUMN recorded_on").run()
    }
}
