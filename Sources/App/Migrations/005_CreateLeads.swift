import Fluent
import FluentSQL

struct CreateLeads: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Lead.schema)
            .id()
            .field("enterprise_id", .uuid, .references(Enterprise.schema, "id"))
            .field("enterprise_name", .string, .required)
            .field("name_key", .string, .required)
            .field("uscc", .string)
            .field("industry_code", .string, .required)
            .field("investment_minor", .int64, .required)
            .field("investment_currency", .string, .required)
            .field("land_mu_tenths", .int, .required)
            .field("space_m2", .int, .required)
            .field("energy_tce", .int, .required)
            .field("power_kva", .int, .required)
            .field("jobs", .int, .required)
            .field("channel", .string, .required)
            .field("notes", .string, .required)
            .field("status", .string, .required)
            .field("submitter_id", .uuid, .required, .references(Person.schema, "id"))
            .field("submitter_unit_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("jurisdiction_code", .string, .required)
            .field("collides_with_id", .uuid)
            .field("merged_into_id", .uuid)
            .field("submitted_on", .string, .required)
            .field("respond_by", .string, .required)
            .field("assess_by", .string, .required)
            .field("feedback_by", .string, .required)
            .field("responded_on", .string)
            .field("assessed_on", .string)
            .field("feedback_on", .string)
            .field("decision_note", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        let sql = database.sql
        try await sql.raw("CREATE INDEX leads_name_key ON leads (name_key)").run()
        try await sql.raw("CREATE INDEX leads_uscc ON leads (uscc)").run()
        try await sql.raw("CREATE INDEX leads_jurisdiction ON leads (jurisdiction_code, status)").run()
        try await sql.raw("CREATE INDEX leads_unit ON leads (submitter_unit_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Lead.schema).delete()
    }
}
