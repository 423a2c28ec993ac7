import Fluent
import FluentSQL

/// Escalation steps kept on the item (and on its timeline, with the day each was taken), and the
/// closed items' tallies per unit: a closed item never changes again, so the accountability board
/// adds these few rows to the open items instead of reading the whole archive.
struct CreateWorkOrderTallies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("ALTER TABLE work_orders ADD COLUMN escalation TEXT NOT NULL DEFAULT 'none'").run()
        try await sql.raw("ALTER TABLE work_orders ADD COLUMN reminded BOOLEAN NOT NULL DEFAULT FALSE").run()
        try await database.schema(WorkOrderTally.schema)
            .field("jurisdiction_code", .string, .required)
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("closed", .int64, .required)
            .field("late", .int64, .required)
            .field("reopened_items", .int64, .required)
            .field("reopenings", .int64, .required)
            .field("total_days", .int64, .required)
            .unique(on: "jurisdiction_code", "unit_id")
            .create()
        // the scan and the overdue list: open items by deadline (the list's ids, order and scope from the index alone)
        try await sql.raw("CREATE INDEX work_orders_open ON work_orders (status, deadline, number, jurisdiction_code, id)").run()
        // the board's open part, read from the index alone
        try await sql.raw(
            """
            CREATE INDEX work_orders_status_scope ON work_orders
              (status, jurisdiction_code, responsible_unit_id, deadline, answered_late, reopen_count, answered_on)
            """
        ).run()
        // newest first, for a jurisdiction and for a unit
        try await sql.raw("CREATE INDEX work_orders_submitted ON work_orders (submitted_on, number, jurisdiction_code)").run()
        try await sql.raw("CREATE INDEX work_orders_unit_submitted ON work_orders (responsible_unit_id, submitted_on, number)").run()
        try await WorkOrderTally.rebuild(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WorkOrderTally.schema).delete()
        try await database.sql.raw("DROP INDEX work_orders_open").run()
        try await database.sql.raw("DROP INDEX work_orders_status_scope").run()
        try await database.sql.raw("DROP INDEX work_orders_submitted").run()
        try await database.sql.raw("DROP INDEX work_orders_unit_submitted").run()
        try await database.sql.raw("ALTER TABLE work_orders DROP COLUMN reminded").run()
        try await database.sql.raw("ALTER TABLE work_orders DROP COLUMN escalation").run()
    }
}
