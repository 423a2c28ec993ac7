import Fluent
import FluentSQL

/// The lead form a cadre expects (issue #12): the investor's contact person, phone and home city,
/// and what the project is. Leads recorded before keep them empty.
struct UpdateLeadsAddContact: AsyncMigration {
    static let columns = ["contact_name", "contact_phone", "home_city", "project_content"]

    func prepare(on database: any Database) async throws {
        for column in Self.columns {
            try await database.sql.raw("ALTER TABLE leads ADD COLUMN \(unsafeRaw: column) TEXT NOT NULL DEFAULT ''").run()
        }
    }

    func revert(on database: any Database) async throws {
        for column in Self.columns.reversed() {
            try await database.sql.raw("ALTER TABLE leads DROP COLUMN \(unsafeRaw: column)").run()
        }
    }
}
