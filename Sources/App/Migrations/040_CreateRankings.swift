import Fluent
import FluentSQL

/// 考核得分与排名 (issue #14): a jurisdiction's formula for a year (`score_formulas`: weights and
/// deductions as JSON, the cap, its version; frozen once a ranking of the year is published) and
/// the rankings once published (`rankings`, one per jurisdiction and period, with the formula and
/// the digest of its lines) and their lines (`ranking_entries`, each score's lines as JSON), kept
/// as published and never recomputed.
struct CreateRankings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("score_formulas")
            .field("jurisdiction_code", .string, .required)
            .field("year", .int, .required)
            .field("weights", .string, .required)
            .field("deductions", .string, .required)
            .field("cap_permille", .int64, .required)
            .field("version", .int, .required)
            .field("set_by", .uuid, .required, .references("persons", "id"))
            .field("set_at", .int64, .required)
            .compositeIdentifier(over: "jurisdiction_code", "year")
            .create()
        try await database.schema("rankings")
            .id()
            .field("jurisdiction_code", .string, .required)
            .field("period", .string, .required)
            .field("year", .int, .required)
            .field("through", .string, .required)
            .field("formula", .string, .required)
            .field("digest", .string, .required)
            .field("published_by", .uuid, .required, .references("persons", "id"))
            .field("published_at", .int64, .required)
            .unique(on: "jurisdiction_code", "period")
            .create()
        try await database.schema("ranking_entries")
            .field("ranking_id", .uuid, .required, .references("rankings", "id"))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("unit_name", .string, .required)
            .field("unit_kind", .string, .required)
            .field("place", .int, .required)
            .field("score", .int64, .required)
            .field("results_score", .int64, .required)
            .field("lines", .string, .required)
            .field("target_met_on", .string)
            .compositeIdentifier(over: "ranking_id", "unit_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("ranking_entries").delete()
        try await database.schema("rankings").delete()
        try await database.schema("score_formulas").delete()
    }
}
