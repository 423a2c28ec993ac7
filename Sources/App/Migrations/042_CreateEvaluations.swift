import Fluent
import FluentSQL

/// 双百双评 (issue #15): campaigns, the units each rates with their running counts, the two
/// registers, and the one-time codes. Built so that nothing can tie a ballot to a code: a code's
/// row is deleted when it votes (only unused codes remain, as SHA-256 digests), a ballot adds to
/// the counts of every unit of the campaign in one statement and keeps no row of its own, and its
/// comments are rows without a date, keyed by a random id — on SQLite in a table without a rowid,
/// so not even the file's order says which came first (SPEC §8, "Anonymity").
struct CreateEvaluations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("evaluation_campaigns")
            .id()
            .field("jurisdiction_code", .string, .required)
            .field("year", .int, .required)
            .field("title", .string, .required)
            .field("state", .string, .required)
            .field("drawn_entrepreneurs", .int, .required)
            .field("drawn_representatives", .int, .required)
            .field("minimum_answers", .int, .required)
            // published before the draw: where the seed will come from, and the registers' digests
            .field("seed_source", .string)
            .field("digests", .string)
            .field("published_at", .int64)
            // typed in after the fact, and what the draw made of it
            .field("seed_values", .string)
            .field("draw_key", .string)
            .field("drawn", .string)
            .field("drawn_at", .int64)
            // the ballots cast are no column: any unit's four counts together (EvaluationStore)
            .field("codes_issued", .int, .required)
            .field("closed_at", .int64)
            // the counts as closed, digested: the audit log holds the same, so an edit shows
            .field("results_digest", .string)
            .field("version", .int, .required)
            .field("created_by", .uuid, .required, .references("persons", "id"))
            .field("created_at", .int64, .required)
            .unique(on: "jurisdiction_code", "year")
            .create()
        try await database.schema("evaluation_units")
            .id()
            .field("campaign_id", .uuid, .required, .references("evaluation_campaigns", "id"))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("series", .string, .required)
            .field("name", .string, .required)
            .field("position", .int, .required)
            .field("satisfied", .int, .required)
            .field("basically_satisfied", .int, .required)
            .field("dissatisfied", .int, .required)
            .field("not_known", .int, .required)
            .unique(on: "campaign_id", "unit_id")
            .create()
        try await database.schema("evaluation_register")
            .id()
            .field("campaign_id", .uuid, .required, .references("evaluation_campaigns", "id"))
            .field("register", .string, .required)
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("organisation", .string, .required)
            .field("standing", .string, .required)
            .field("person_key", .string, .required)
            // named: Fluent's generated names run past PostgreSQL's 63 characters and collide
            .unique(on: "campaign_id", "register", "person_key", name: "evaluation_register_person")
            .unique(on: "campaign_id", "register", "position", name: "evaluation_register_position")
            .create()
        try await database.schema("evaluation_codes")
            .field("digest", .string, .identifier(auto: false))
            .field("campaign_id", .uuid, .required, .references("evaluation_campaigns", "id"))
            .field("register", .string, .required)
            // a ballot saved to be finished later the same day, sealed with a key made from the code
            .field("draft", .string)
            .field("draft_on", .string)
            .create()
        let sql = database as! any SQLDatabase
        let rowid = sql.dialect.name == "sqlite" ? " WITHOUT ROWID" : ""
        let uuid = sql.dialect.name == "sqlite" ? "TEXT" : "UUID"
        try await sql.raw(
            """
            CREATE TABLE evaluation_comments (
              id TEXT PRIMARY KEY NOT NULL,
              campaign_id \(unsafeRaw: uuid) NOT NULL REFERENCES evaluation_campaigns (id),
              unit_id \(unsafeRaw: uuid) NOT NULL,
              body TEXT NOT NULL
            )\(unsafeRaw: rowid)
            """
        ).run()
        try await sql.raw("CREATE INDEX evaluation_comments_campaign ON evaluation_comments (campaign_id, unit_id)").run()
        try await sql.raw("CREATE INDEX evaluation_codes_campaign ON evaluation_codes (campaign_id)").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["evaluation_comments", "evaluation_codes", "evaluation_register", "evaluation_units", "evaluation_campaigns"] {
            try await database.schema(table).delete()
        }
    }
}
