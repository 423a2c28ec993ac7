import Fluent

/// The panel's chair (组长), who decides on the leads put to the panel.
struct UpdateReviewPanelsAddChair: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReviewPanel.schema).field("chair_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReviewPanel.schema).deleteField("chair_id").update()
    }
}
