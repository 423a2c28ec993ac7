import Fluent
import FluentSQL

/// 通报 (issue #14): each bulletin as issued — numbered per jurisdiction and year (第 N 期), one per
/// ranking period, its whole content kept as a snapshot (JSON) with the SHA-256 digest that went to
/// the audit log. Rows are only ever added; a page shows the snapshot, never a recomputation.
struct CreateBulletins: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("bulletins")
            .id()
            .field("jurisdiction_code", .string, .required)
            .field("year", .int, .required)
            .field("number", .int, .required)
            .field("period", .string, .required)
            .field("title", .string, .required)
            .field("issuer", .string, .required)
            .field("issued_on", .string, .required)
            .field("snapshot", .string, .required)
            .field("digest", .string, .required)
            .field("issued_by", .uuid, .required, .references("persons", "id"))
            .field("issued_at", .int64, .required)
            .unique(on: "jurisdiction_code", "year", "number")
            .unique(on: "jurisdiction_code", "period")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("bulletins").delete()
    }
}
