import Fluent
import FluentSQL

/// Activities (走访, 洽谈, 推介…) with their next steps, which are their owners' to-dos.
struct CreateActivities: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Activity.schema)
            .id()
            .field("kind", .string, .required)
            .field("occurred_on", .string, .required)
            .field("city", .string, .required)
            .field("participants", .string, .required)
            .field("counterpart", .string, .required)
            .field("counterpart_key", .string, .required)
            .field("enterprise_id", .uuid, .references(Enterprise.schema, "id"))
            .field("lead_id", .uuid, .references(Lead.schema, "id"))
            .field("project_id", .uuid, .references(Project.schema, "id"))
            .field("outcome", .string, .required)
            .field("next_step", .string, .required)
            .field("next_due", .string)
            .field("next_done_on", .string)
            .field("owner_id", .uuid, .required, .references(Person.schema, "id"))
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("jurisdiction_code", .string, .required)
            .field("created_at", .datetime)
            .create()
        let sql = database.sql
        try await sql.raw("CREATE INDEX activities_unit ON activities (unit_id, occurred_on)").run()
        try await sql.raw("CREATE INDEX activities_owner ON activities (owner_id, occurred_on)").run()
        try await sql.raw("CREATE INDEX activities_todo ON activities (owner_id, next_due)").run()
        try await sql.raw("CREATE INDEX activities_project ON activities (project_id)").run()
        try await sql.raw("CREATE INDEX activities_lead ON activities (lead_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Activity.schema).delete()
    }
}
