import Fluent
import FluentSQL

struct CreateReviewPanels: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReviewPanel.schema)
            .id()
            .field("name", .string, .required)
            .field("jurisdiction_code", .string, .required)
            .field("quorum", .int, .required)
            .field("criteria", .string, .required)
            .field("members", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(LeadReview.schema)
            .id()
            .field("lead_id", .uuid, .required, .references(Lead.schema, "id"))
            .field("panel_id", .uuid, .required, .references(ReviewPanel.schema, "id"))
            .field("started_on", .string, .required)
            .field("recused", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "lead_id")
            .create()
        try await database.schema(ReviewOpinion.schema)
            .id()
            .field("lead_id", .uuid, .required, .references(Lead.schema, "id"))
            .field("member_id", .uuid, .required, .references(Person.schema, "id"))
            .field("recommendation", .string, .required)
            .field("scores", .string, .required)
            .field("suggested_park", .string, .required)
            .field("comment", .string, .required)
            .field("sequence", .int, .required)
            .field("revises_id", .uuid)
            .field("created_at", .datetime)
            .unique(on: "lead_id", "sequence")
            .create()
        try await database.sql.raw("CREATE INDEX review_opinions_lead ON review_opinions (lead_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReviewOpinion.schema).delete()
        try await database.schema(LeadReview.schema).delete()
        try await database.schema(ReviewPanel.schema).delete()
    }
}
