import Fluent
import FluentSQL

/// The enterprise's whole story (企业 360°, `EnterpriseStory`) asks each room for the records of one
/// enterprise: leads and projects by its registry id, USCC or normalised name, activities by its id
/// or the normalised name of the counterpart, work orders by the enterprise's name, 包联 by the
/// normalised name. Without these indexes each question read the whole table: on the province set
/// (2,979,649 activities, 500,000 work orders) one enterprise page took 2.7 s, and 32 people opening
/// enterprise pages ran the server's connections dry. An index an operator already made by hand
/// under the same name is kept.
struct UpdateRecordsAddEnterpriseIndexes: AsyncMigration {
    static let indexes: [(name: String, definition: String)] = [
        ("leads_enterprise", "leads (enterprise_id)"),
        ("projects_enterprise", "projects (enterprise_id)"),
        ("projects_uscc", "projects (uscc)"),
        ("activities_enterprise", "activities (enterprise_id)"),
        ("activities_counterpart", "activities (counterpart_key)"),
        ("work_orders_enterprise", "work_orders (enterprise_name)"),
        ("linkages_name_key", "linkages (name_key)"),
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
