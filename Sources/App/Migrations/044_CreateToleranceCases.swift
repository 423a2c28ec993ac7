import Fluent
import FluentSQL

/// 容错纠错 (SPEC §10, issue #15): the cases, each checklist item's finding with its evidence, and
/// the follow-up visits to a cadre disciplined. A case's number is per jurisdiction and year
/// (容错〔2026〕3号); the decision, the clearing of name and each visit are kept with who and when.
struct CreateToleranceCases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tolerance_cases")
            .id()
            .field("jurisdiction_code", .string, .required)
            .field("year", .int, .required)
            .field("number", .int, .required)
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("project_id", .uuid, .references("projects", "id"))
            .field("title", .string, .required)
            .field("facts", .string, .required)
            .field("occurred_on", .string, .required)
            .field("state", .string, .required)
            .field("opened_by", .uuid, .required, .references("persons", "id"))
            .field("opened_at", .int64, .required)
            .field("decided_by", .uuid, .references("persons", "id"))
            .field("decided_on", .string)
            .field("decision", .string)
            // 澄清正名: the statement published, and when
            .field("clearing", .string)
            .field("cleared_on", .string)
            .field("version", .int, .required)
            .unique(on: "jurisdiction_code", "year", "number", name: "tolerance_cases_number")
            .create()
        try await database.schema("tolerance_checks")
            .id()
            .field("case_id", .uuid, .required, .references("tolerance_cases", "id"))
            .field("item", .string, .required)
            .field("finding", .string, .required)
            .field("evidence", .string, .required)
            .unique(on: "case_id", "item", name: "tolerance_checks_item")
            .create()
        try await database.schema("tolerance_visits")
            .id()
            .field("case_id", .uuid, .required, .references("tolerance_cases", "id"))
            .field("visited_on", .string, .required)
            .field("visitor", .string, .required)
            .field("outcome", .string, .required)
            .field("recorded_by", .uuid, .required, .references("persons", "id"))
            .field("recorded_at", .int64, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX tolerance_cases_scope ON tolerance_cases (jurisdiction_code, state)").run()
        try await sql.raw("CREATE INDEX tolerance_visits_case ON tolerance_visits (case_id, visited_on)").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["tolerance_visits", "tolerance_checks", "tolerance_cases"] { try await database.schema(table).delete() }
    }
}
