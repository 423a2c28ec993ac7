import Fluent
import FluentSQL

/// 年终座次 (issue #14): the rules a jurisdiction's bureau sets for a year (`seating_rules`: the
/// deciding measure, the share of the target that makes 完成席, how many projects in talks make
/// 意向席, each seat's consequences as JSON, with its version), and the seatings once published
/// (`seatings`, one per jurisdiction and year, with the rules and the digest of its lines) and
/// their lines (`seating_entries`), kept as they were published and never recomputed.
struct CreateSeatings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("seating_rules")
            .field("jurisdiction_code", .string, .required)
            .field("year", .int, .required)
            .field("measure", .string, .required)
            .field("completion_permille", .int64, .required)
            .field("negotiating_for_intent", .int, .required)
            .field("consequences", .string, .required)
            .field("version", .int, .required)
            .field("set_by", .uuid, .required, .references("persons", "id"))
            .field("set_at", .int64, .required)
            .compositeIdentifier(over: "jurisdiction_code", "year")
            .create()
        try await database.schema("seatings")
            .id()
            .field("jurisdiction_code", .string, .required)
            .field("year", .int, .required)
            .field("through", .string, .required)
            .field("rules", .string, .required)
            .field("digest", .string, .required)
            .field("published_by", .uuid, .required, .references("persons", "id"))
            .field("published_at", .int64, .required)
            .unique(on: "jurisdiction_code", "year")
            .create()
        try await database.schema("seating_entries")
            .field("seating_id", .uuid, .required, .references("seatings", "id"))
            .field("position", .int, .required)
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("unit_name", .string, .required)
            .field("unit_kind", .string, .required)
            .field("seat", .string, .required)
            .field("done", .int64, .required)
            .field("target", .int64)
            .field("signings", .int, .required)
            .field("negotiating", .int, .required)
            .field("staff", .int, .required)
            .field("award_eligible", .bool, .required)
            .field("bonus_withheld_minor", .int64, .required)
            .field("leadership_talk", .bool, .required)
            .compositeIdentifier(over: "seating_id", "unit_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("seating_entries").delete()
        try await database.schema("seatings").delete()
        try await database.schema("seating_rules").delete()
    }
}
