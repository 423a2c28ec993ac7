import Fluent
import FluentSQL

struct CreateAccess: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserSession.schema)
            .field("id", .string, .identifier(auto: false))
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .int64, .required)
            .field("last_seen_at", .int64, .required)
            .field("ip", .string, .required)
            .create()
        try await database.schema(APIToken.schema)
            .id()
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .int64, .required)
            .field("last_used_at", .int64)
            .field("revoked_at", .int64)
            .unique(on: "token_hash")
            .create()
        try await database.sql.raw("CREATE INDEX user_sessions_person ON user_sessions (person_id)").run()
        try await database.sql.raw("CREATE INDEX api_tokens_person ON api_tokens (person_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APIToken.schema).delete()
        try await database.schema(UserSession.schema).delete()
    }
}
