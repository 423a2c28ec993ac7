import Fluent
import FluentSQL

/// Evidence files of stage reports and funds entries. The bytes live in the database beside the
/// record they prove, so every app process sharing a PostgreSQL serves them and a backup holds
/// them; they are kept apart from the metadata so listing files never reads a file.
struct CreateEvidenceFiles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EvidenceFile.schema)
            .id()
            .field("project_id", .uuid, .required, .references(Project.schema, "id"))
            .field("stage_report_id", .uuid, .references(StageReport.schema, "id"))
            .field("funds_arrival_id", .uuid, .references(FundsArrival.schema, "id"))
            .field("file_name", .string, .required)
            .field("kind", .string, .required)
            .field("byte_size", .int, .required)
            .field("sha256", .string, .required)
            .field("uploaded_by", .uuid, .required, .references(Person.schema, "id"))
            .field("uploaded_on", .string, .required)
            .create()
        try await database.schema(EvidenceBlob.schema)
            .field("id", .uuid, .identifier(auto: false), .references(EvidenceFile.schema, "id"))
            .field("content", .data, .required)
            .create()
        try await database.sql.raw("CREATE INDEX evidence_files_project ON evidence_files (project_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EvidenceBlob.schema).delete()
        try await database.schema(EvidenceFile.schema).delete()
    }
}
