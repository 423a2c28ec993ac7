import Fluent
import FluentSQL

/// The in-app inbox: one row per notice per person, each notice once (its dedupe key).
struct CreateNotices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Notice.schema)
            .id()
            .field("person_id", .uuid, .required, .references(Person.schema, "id"))
            .field("kind", .string, .required)
            .field("work_order_id", .uuid, .references(WorkOrder.schema, "id"))
            .field("text", .string, .required)
            .field("created_at", .int64, .required)
            .field("read_at", .int64)
            .field("dedupe_key", .string, .required)
            .unique(on: "dedupe_key")
            .create()
        try await database.sql.raw("CREATE INDEX notices_inbox ON notices (person_id, created_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Notice.schema).delete()
    }
}
