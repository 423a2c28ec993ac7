import Fluent
import FluentSQL

/// 边建边办 marks for a database made before `014_CreateLinkages` gained the table (the first
/// landed 014 created only `linkages`). A database made since has it already: nothing happens.
struct UpdateProjectsAddParallelApprovals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard try await !SchemaInspection.tableExists(ParallelApprovalMark.schema, on: database) else { return }
        try await database.schema(ParallelApprovalMark.schema)
            .id()
            .field("project_id", .uuid, .required, .references(Project.schema, "id"))
            .field("marked_on", .string, .required)
            .field("marked_by", .uuid, .required, .references(Person.schema, "id"))
            .unique(on: "project_id")
            .create()
    }

    /// The table belongs to 014 on a database made today; reverting 014 drops it either way.
    func revert(on database: any Database) async throws {}
}
