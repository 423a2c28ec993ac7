import Fluent
import FluentSQL

/// Intents registered by investors on the public page, waiting in the bureau's inbox.
struct CreateInvestorIntents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(InvestorIntent.schema)
            .id()
            .field("jurisdiction_code", .string, .required)
            .field("company", .string, .required)
            .field("contact", .string, .required)
            .field("phone", .string, .required)
            .field("investment_text", .string, .required)
            .field("industry", .string, .required)
            .field("message", .string, .required)
            .field("source_key", .string, .required)
            .field("submitted_at", .int64, .required)
            .field("status", .string, .required)
            .field("lead_id", .uuid, .references(Lead.schema, "id"))
            .field("handled_by", .uuid, .references(Person.schema, "id"))
            .create()
        try await database.sql.raw("CREATE INDEX investor_intents_inbox ON investor_intents (jurisdiction_code, status, submitted_at)")
            .run()
        try await database.sql.raw("CREATE INDEX investor_intents_source ON investor_intents (source_key, submitted_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(InvestorIntent.schema).delete()
    }
}
