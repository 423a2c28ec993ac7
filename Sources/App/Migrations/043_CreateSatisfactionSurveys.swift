import Fluent
import FluentSQL

/// 企业满意度月评 (issue #15, seed [002]): each indicator's 指标长 and the units answering for it;
/// the months' surveys with their published frame (the above-scale enterprises drawn from), the
/// cells every answer adds to (one per indicator and unit, counts only), and the one-time links'
/// codes — kept as digests and deleted as they answer, so no answer is ever tied to a code or an
/// enterprise (as `CreateEvaluations`).
struct CreateSatisfactionSurveys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("satisfaction_indicators")
            .id()
            .field("jurisdiction_code", .string, .required)
            .field("indicator", .string, .required)
            .field("owner_id", .uuid, .references("persons", "id"))
            .field("version", .int, .required)
            .unique(on: "jurisdiction_code", "indicator", name: "satisfaction_indicators_one")
            .create()
        try await database.schema("satisfaction_indicator_units")
            .id()
            .field("jurisdiction_code", .string, .required)
            .field("indicator", .string, .required)
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("position", .int, .required)
            .unique(on: "jurisdiction_code", "indicator", "unit_id", name: "satisfaction_indicator_units_one")
            .create()
        try await database.schema("satisfaction_surveys")
            .id()
            .field("jurisdiction_code", .string, .required)
            .field("year", .int, .required)
            .field("month", .int, .required)
            .field("title", .string, .required)
            .field("state", .string, .required)
            .field("sample_size", .int, .required)
            .field("minimum_answers", .int, .required)
            .field("seed_source", .string, .required)
            .field("frame_digest", .string, .required)
            .field("frame_size", .int, .required)
            .field("seed_values", .string)
            .field("draw_key", .string)
            .field("drawn", .string)
            .field("drawn_at", .int64)
            .field("closed_at", .int64)
            .field("results_digest", .string)
            .field("version", .int, .required)
            .field("created_by", .uuid, .required, .references("persons", "id"))
            .field("created_at", .int64, .required)
            .unique(on: "jurisdiction_code", "year", "month", name: "satisfaction_surveys_month")
            .create()
        try await database.schema("satisfaction_frame")
            .id()
            .field("survey_id", .uuid, .required, .references("satisfaction_surveys", "id"))
            .field("position", .int, .required)
            .field("uscc", .string, .required)
            .field("name", .string, .required)
            .unique(on: "survey_id", "position", name: "satisfaction_frame_position")
            .create()
        try await database.schema("satisfaction_cells")
            .id()
            .field("survey_id", .uuid, .required, .references("satisfaction_surveys", "id"))
            .field("indicator", .string, .required)
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("unit_name", .string, .required)
            .field("owner_name", .string)
            .field("position", .int, .required)
            .field("satisfied", .int, .required)
            .field("basically_satisfied", .int, .required)
            .field("dissatisfied", .int, .required)
            .field("not_known", .int, .required)
            .unique(on: "survey_id", "indicator", "unit_id", name: "satisfaction_cells_one")
            .create()
        try await database.schema("satisfaction_codes")
            .field("digest", .string, .identifier(auto: false))
            .field("survey_id", .uuid, .required, .references("satisfaction_surveys", "id"))
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX satisfaction_codes_survey ON satisfaction_codes (survey_id)").run()
        try await sql.raw("CREATE INDEX satisfaction_cells_unit ON satisfaction_cells (unit_id)").run()
    }

    func revert(on database: any Database) async throws {
        for table in [
            "satisfaction_codes", "satisfaction_cells", "satisfaction_frame", "satisfaction_surveys", "satisfaction_indicator_units",
            "satisfaction_indicators",
        ] {
            try await database.schema(table).delete()
        }
    }
}
