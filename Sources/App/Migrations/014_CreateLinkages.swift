import Fluent
import FluentSQL

/// 包联: leaders linked to key enterprises; and 边建边办 marks on projects.
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
        try await database.schema(ParallelApprovalMark.schema)
            .id()
            .field("project_id", .uuid, .required, .references(Project.schema, "id"))
            .field("marked_on", .string, .required)
            .field("marked_by", .uuid, .required, .references(Person.schema, "id"))
            .unique(on: "project_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ParallelApprovalMark.schema).delete()
        try await database.schema(Linkage.schema).delete()
    }
}
