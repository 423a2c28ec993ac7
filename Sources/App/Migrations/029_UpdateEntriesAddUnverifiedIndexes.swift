import Fluent
import FluentSQL

/// The workbench's queues read in the order of their deadlines (`WorkQueue`): partial indexes of
/// the stage reports and funds entries still waiting for the bureau's verification, ordered by the
/// day their deadline counts from, and of the leads waiting for a response or an assessment. On the province set the queue read every project of the city
/// and its entries on each view of the home page (two seconds); now it walks the few waiting. The
/// funds entry's day is an expression (`COALESCE(recorded_on, arrived_on)`), written the same
/// way in the query. An index an operator already made by hand under the same name is kept.
struct UpdateEntriesAddUnverifiedIndexes: AsyncMigration {
    static let indexes: [(name: String, definition: String)] = [
        ("stage_reports_unverified", "stage_reports (reported_on, project_id) WHERE verified_by IS NULL"),
        ("funds_arrivals_unverified", "funds_arrivals ((COALESCE(recorded_on, arrived_on)), project_id) WHERE verified_by IS NULL"),
        ("leads_waiting_response", "leads (respond_by, jurisdiction_code) WHERE status = 'submitted'"),
        ("leads_waiting_assessment", "leads (assess_by, jurisdiction_code) WHERE status = 'responded' AND assessed_on IS NULL"),
    ]

    func prepare(on database: any Database) async throws {
        for index in Self.indexes {
            try await database.sql.raw("CREATE INDEX IF NOT EXISTS \(unsafeRaw: index.name) ON \(unsafeRaw: index.definition)").run()
        }
    }

    func revert(on database: any Database) async throws {
        for index in Self.indexes { try await database.sql.raw("DROP INDEX \(unsafeRaw: index.name)").run() }
    }
}
