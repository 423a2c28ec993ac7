import Fluent
import FluentSQL

extension SchemaInspection {
    /// Whether the table has the column now: a migration that drops or adds one looks first, since
    /// two landed versions of a migration may have left the table either way.
    static func columnExists(_ column: String, in table: String, on database: any Database) async throws -> Bool {
        let sql = database.sql
        let query: SQLQueryString =
            sql.dialect.name == "sqlite"
            ? "SELECT 1 AS found FROM pragma_table_info(\(bind: table)) WHERE name = \(bind: column)"
            : """
            SELECT 1 AS found FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(bind: table) AND column_name = \(bind: column)
            """
        return try await sql.raw(query).first() != nil
    }
}
