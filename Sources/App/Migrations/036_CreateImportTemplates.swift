import Fluent
import FluentSQL

/// 导入模板 (issue #13): a unit's column mapping for one kind of ledger, saved by name when an
/// import is committed and offered for next month's file of the same headers. The mapping is
/// kept by header text ("信用代码=uscc"), not by column letter, so a column moved is still found.
/// An import remembers the template it was planned with (`imports.template`, "" for none).
struct CreateImportTemplates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("import_templates")
            .id()
            .field("kind", .string, .required)
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("name", .string, .required)
            .field("header_row", .int, .required)
            .field("mapping", .string, .required)
            .field("saved_by", .uuid, .required, .references("persons", "id"))
            .field("saved_at", .int64, .required)
            .field("version", .int, .required)
            .unique(on: "kind", "unit_id", "name")
            .create()
        try await database.schema("imports").field("template", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("imports").deleteField("template").update()
        try await database.schema("import_templates").delete()
    }
}
