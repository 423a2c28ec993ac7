import Fluent
import FluentSQL

/// Yearly counters for numbers shown to people (GD-2026-000123): taken by one atomic statement,
/// so two nodes numbering at the same instant get two numbers.
struct CreateNumberSequences: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NumberSequence.schema)
            .field("name", .string, .identifier(auto: false))
            .field("value", .int64, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NumberSequence.schema).delete()
    }
}
