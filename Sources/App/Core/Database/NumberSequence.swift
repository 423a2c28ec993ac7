import Fluent
import FluentSQL

/// A named counter: `next` returns 1, 2, 3 … with no two callers getting the same value, on
/// SQLite or on PostgreSQL shared by several nodes (an update of the row, or an insert that
/// turns into one on conflict, each returning the value it set).
enum NumberSequence {
    static let schema = "number_sequences"

    /// The next value of `name`; a counter met for the first time starts after `start()`, which
    /// counts what was numbered before counters existed.
    static func next(_ name: String, on db: any Database, start: () async throws -> Int) async throws -> Int {
        struct Row: Decodable { var value: Int }
        let sql = db.sql
        if let row = try await sql.raw("UPDATE number_sequences SET value = value + 1 WHERE name = \(bind: name) RETURNING value")
            .first(decoding: Row.self)
        {
            return row.value
        }
        let first = try await start() + 1
        return try await sql.raw(
            """
            INSERT INTO number_sequences (name, value) VALUES (\(bind: name), \(bind: first))
            ON CONFLICT (name) DO UPDATE SET value = number_sequences.value + 1 RETURNING value
            """
        ).first(decoding: Row.self)?.value ?? first
    }
}
