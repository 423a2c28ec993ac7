import Fluent
import FluentSQL

/// The work-order list indexes as `017_CreateWorkOrderTallies` defines them today, for a database
/// made by an earlier landed 017: there `work_orders_open` was (status, deadline) and then lacked
/// the id, `work_orders_status_scope` was (status, jurisdiction_code), and the two newest-first
/// indexes did not exist. An index already as defined is left alone, so a database made today
/// (or upgraded once) is not touched.
struct UpdateWorkOrdersRebuildListIndexes: AsyncMigration {
    static let indexes: [(name: String, columns: String)] = [
        ("work_orders_open", "status, deadline, number, jurisdiction_code, id"),
        (
            "work_orders_status_scope",
            "status, jurisdiction_code, responsible_unit_id, deadline, answered_late, reopen_count, answered_on"
        ),
        ("work_orders_submitted", "submitted_on, number, jurisdiction_code"),
        ("work_orders_unit_submitted", "responsible_unit_id, submitted_on, number"),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        for index in Self.indexes {
            let wanted = index.columns.filter { !$0.isWhitespace }
            if let existing = try await SchemaInspection.indexDefinition(index.name, on: database) {
                if SchemaInspection.columns(of: existing) == wanted { continue }
                try await sql.raw("DROP INDEX \(ident: index.name)").run()
            }
            try await sql.raw("CREATE INDEX \(ident: index.name) ON work_orders (\(unsafeRaw: index.columns))").run()
        }
    }

    /// The indexes belong to 017 on a database made today; reverting 017 drops them.
    func revert(on database: any Database) async throws {}
}
