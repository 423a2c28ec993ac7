import Fluent
import FluentSQL

/// 导入 (issue #13): an uploaded ledger kept until it is imported — its bytes in the database, so
/// that any node of a PostgreSQL pair can dry-run and commit it — with the plan chosen for it
/// (sheet, header row, column mapping) and the last dry run's or commit's report.
struct CreateImports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("imports")
            .id()
            .field("kind", .string, .required)
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("file_name", .string, .required)
            .field("content", .data, .required)
            .field("sheet", .string, .required)
            .field("header_row", .int, .required)
            .field("mapping", .string, .required)
            .field("status", .string, .required)
            .field("report", .string, .required)
            .field("dry_run_digest", .string, .required)
            .field("created_at", .int64, .required)
            .field("version", .int, .required)
            .create()
        try await database.sql.raw("CREATE INDEX imports_person ON imports (person_id, created_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("imports").delete()
    }
}
