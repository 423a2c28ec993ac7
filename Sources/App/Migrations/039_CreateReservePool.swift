import Fluent
import FluentSQL

/// 提拔后备库 (issue #14): one row per record of the pool — a cadre entered or withdrawn, for which
/// year, from what source, why and on whose decision, numbered in the order kept (`sequence`, per
/// jurisdiction). Rows are only ever added.
struct CreateReservePool: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("reserve_pool_entries")
            .id()
            .field("jurisdiction_code", .string, .required)
            .field("sequence", .int64, .required)
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("year", .int, .required)
            .field("action", .string, .required)
            .field("source", .string, .required)
            .field("reason", .string, .required)
            .field("decided_by", .string, .required)
            .field("decided_on", .string, .required)
            .field("recorded_by", .uuid, .required, .references("persons", "id"))
            .field("recorded_at", .int64, .required)
            .unique(on: "jurisdiction_code", "sequence")
            .create()
        try await database.sql.raw("CREATE INDEX reserve_pool_person ON reserve_pool_entries (person_id, sequence)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("reserve_pool_entries").delete()
    }
}
