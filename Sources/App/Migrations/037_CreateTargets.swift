import Fluent
import FluentSQL

/// 目标任务 (issue #14): a unit's sheet for a year (`target_sheets`, its version and who set it
/// last) and its figures (`targets`): one row per measure for the year (quarter 0) or a quarter
/// (1–4), for the unit (no person) or one of its cadres. A sheet is saved whole: its rows are
/// replaced in the transaction that bumps its version.
struct CreateTargets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("target_sheets")
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("year", .int, .required)
            .field("note", .string, .required)
            .field("version", .int, .required)
            .field("set_by", .uuid, .required, .references("persons", "id"))
            .field("set_at", .int64, .required)
            .compositeIdentifier(over: "unit_id", "year")
            .create()
        try await database.schema("targets")
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("year", .int, .required)
            .field("person_id", .uuid, .references("persons", "id"))
            .field("measure", .string, .required)
            .field("quarter", .int, .required)
            .field("amount", .int64, .required)
            .create()
        // one figure per unit (or cadre), year, measure and quarter; a unit's own row has no person
        try await database.sql.raw(
            "CREATE UNIQUE INDEX targets_one ON targets (unit_id, year, measure, quarter, COALESCE(person_id, unit_id))"
        ).run()
        try await database.sql.raw("CREATE INDEX targets_year ON targets (year, unit_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("targets").delete()
        try await database.schema("target_sheets").delete()
    }
}
