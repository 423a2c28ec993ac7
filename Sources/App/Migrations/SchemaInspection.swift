import Fluent
import FluentSQL

/// What a database already has, for the migrations that bring a database made by an earlier
/// landed version up to today's schema: each such migration looks before it acts, so it does
/// nothing on a database that already has what it adds.
enum SchemaInspection {
    private struct Name: Decodable { var name: String }
    private struct Definition: Decodable { var definition: String }

    static func tableExists(_ table: String, on database: any Database) async throws -> Bool {
        let sql = database.sql
        if sql.dialect.name == "sqlite" {
            return try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name = \(bind: table)")
                .first(decoding: Name.self) != nil
        }
        return try await sql.raw(
            """
            SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_name = \(bind: table)
            """
        ).first(decoding: Name.self) != nil
    }

    /// The index's definition as the engine keeps it (its `CREATE INDEX` text), nil when absent.
    static func indexDefinition(_ index: String, on database: any Database) async throws -> String? {
        let sql = database.sql
        if sql.dialect.name == "sqlite" {
            return try await sql.raw("SELECT sql AS definition FROM sqlite_master WHERE type = 'index' AND name = \(bind: index)")
                .first(decoding: Definition.self)?.definition
        }
        return try await sql.raw(
            """
            SELECT indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema() AND indexname = \(bind: index)
            """
        ).first(decoding: Definition.self)?.definition
    }

    /// The columns of an index definition, in order, without spaces or quotes: "status,deadline".
    static func columns(of definition: String) -> String {
        guard let open = definition.lastIndex(of: "("), let close = definition.lastIndex(of: ")"), open < close else { return "" }
        return definition[definition.index(after: open)..<close].filter { !$0.isWhitespace && $0 != "\"" }.lowercased()
    }
}
