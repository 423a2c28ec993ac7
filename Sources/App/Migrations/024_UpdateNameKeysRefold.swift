import Domain
import Fluent
import FluentSQL

/// The comparison keys of enterprise names, recomputed with today's `NameNormalizer`: the complete
/// traditional-character table, the preparatory suffixes (筹备处, 筹建处 …) and the dropping of
/// invisible characters reach names stored before them, so 湖北偉德線路板有限公司（籌） stored last
/// year collides with 湖北伟德线路板有限公司 today. In batches by id; only changed keys are written.
struct UpdateNameKeysRefold: AsyncMigration {
    static let columns: [(table: String, name: String, key: String)] = [
        ("enterprises", "name", "name_key"), ("leads", "enterprise_name", "name_key"), ("projects", "enterprise_name", "name_key"),
        ("linkages", "enterprise_name", "name_key"), ("activities", "counterpart", "counterpart_key"),
    ]

    func prepare(on database: any Database) async throws {
        for column in Self.columns { try await Self.refold(column, on: database) }
    }

    static func refold(_ column: (table: String, name: String, key: String), on database: any Database) async throws {
        struct Row: Decodable {
            var id: UUID
            var foldName: String
            var foldKey: String
            enum CodingKeys: String, CodingKey { case id, foldName = "fold_name", foldKey = "fold_key" }
        }
        let sql = database.sql
        var after = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        var first = true
        while true {
            let page: SQLQueryString =
                "SELECT id, \(ident: column.name) AS fold_name, \(ident: column.key) AS fold_key FROM \(ident: column.table) "
                + (first ? "" : "WHERE id > \(bind: after) ") + "ORDER BY id LIMIT 2000"
            let rows = try await sql.raw(page).all(decoding: Row.self)
            guard let last = rows.last else { return }
            for row in rows {
                let key = row.foldName.isEmpty ? "" : NameNormalizer.key(for: row.foldName)
                guard key != row.foldKey else { continue }
                try await sql.raw("UPDATE \(ident: column.table) SET \(ident: column.key) = \(bind: key) WHERE id = \(bind: row.id)").run()
            }
            (after, first) = (last.id, false)
        }
    }

    func revert(on database: any Database) async throws {}
}
