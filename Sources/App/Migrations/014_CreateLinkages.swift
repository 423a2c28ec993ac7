import Fluent
import FluentSQL

/// 包联: leaders linked to key enterprises.
struct CreateLinkages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Linkage.schema)
            .id()
            .field("leader_id", .uuid, .required, .references(Person.schema, "id"))
            .field("enterprise_name", .string, .required)
            .field("name_key", .string, .required)
            .field("jurisdiction_code", .string, .required)
            .field("since", .string, .required)
            .field("ended_on", .string)
            .create()
        try await database.sql.raw("CREATE INDEX linkages_scope ON linkages (jurisdiction_code, ended_on)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Linkage.schema).delete()
    }
}
