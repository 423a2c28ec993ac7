import Fluent
import FluentSQL

/// Per-unit outgoing webhooks (a WeCom/DingTalk group robot) and the deliveries waiting, sent or given up.
struct CreateWebhooks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UnitWebhook.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("url", .string, .required)
            .unique(on: "unit_id")
            .create()
        try await database.schema(WebhookDelivery.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("url", .string, .required)
            .field("body", .string, .required)
            .field("notice_key", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .int64, .required)
            .field("claimed_until", .int64, .required)
            .field("last_error", .string, .required)
            .field("created_at", .int64, .required)
            .unique(on: "notice_key")
            .create()
        try await database.sql.raw("CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WebhookDelivery.schema).delete()
        try await database.schema(UnitWebhook.schema).delete()
    }
}
