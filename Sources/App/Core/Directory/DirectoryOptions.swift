import Fluent
import FluentSQL
import Vapor

/// Choices of people and units that forms of several rooms offer. The jurisdiction-wide ones are
/// asked by every list and record page, so they are kept (`kept`) 30 s per jurisdiction and
/// dropped by any write of this process, like the lists' totals.
enum DirectoryOptions {
    /// The leaders who may answer for something of the user's jurisdiction: its own and those of
    /// the jurisdictions enclosing it (a city's vice mayor for a district project). The role is
    /// one code in a comma-separated list.
    static func leaderOptions(_ request: Request) async throws -> [(value: String, label: String)] {
        let scope = try request.requireUser().scope
        let enclosing = sequence(first: scope, next: \.parent).dropFirst().map(\.value)
        return try await kept(
            request, "leaders",
            """
            SELECT p.id, p.name, p.post, p.roles FROM persons p JOIN units u ON u.id = p.unit_id
            WHERE ((u.jurisdiction_code >= \(bind: scope.prefix) AND u.jurisdiction_code < \(bind: scope.prefix + "~"))
            OR u.jurisdiction_code IN (\(binds: enclosing.isEmpty ? [scope.value] : enclosing)))
            AND p.roles LIKE '%leader%' ORDER BY p.name
            """
        ) { r in
            try r.string("roles").split(separator: ",").contains("leader") ? "\(try r.string("name"))（\(try r.string("post"))）" : nil
        }
    }

    /// The live units of the user's jurisdiction, by kind then name (a list's "unit" filter).
    static func unitOptions(_ request: Request) async throws -> [(value: String, label: String)] {
        let scope = try request.requireUser().scope
        return try await kept(
            request, "units",
            """
            SELECT id, name FROM units WHERE jurisdiction_code >= \(bind: scope.prefix) AND jurisdiction_code < \(bind: scope.prefix + "~")
            AND dissolved_on IS NULL ORDER BY kind, name LIMIT 500
            """
        ) { try $0.string("name") }
    }

    /// The parks and towns of the user's jurisdiction that may host a project, by name.
    static func hostOptions(_ request: Request) async throws -> [(value: String, label: String)] {
        let scope = try request.requireUser().scope
        return try await kept(
            request, "hosts",
            """
            SELECT id, name FROM units WHERE jurisdiction_code >= \(bind: scope.prefix) AND jurisdiction_code < \(bind: scope.prefix + "~")
            AND dissolved_on IS NULL AND kind IN ('park', 'town') ORDER BY name
            """
        ) { try $0.string("name") }
    }

    /// Everyone working in the user's jurisdiction, by unit and name ("unit · name（post）"): the
    /// person a record is about, chosen from the whole jurisdiction (a 容错纠错 case's cadre).
    static func jurisdictionPeople(_ request: Request) async throws -> [(value: String, label: String)] {
        let scope = try request.requireUser().scope
        return try await kept(
            request, "people",
            """
            SELECT p.id, p.name, p.post, u.name AS unit FROM persons p JOIN units u ON u.id = p.unit_id
            WHERE u.jurisdiction_code >= \(bind: scope.prefix) AND u.jurisdiction_code < \(bind: scope.prefix + "~") AND p.active = \(bind: true)
            ORDER BY u.name, p.name LIMIT 2000
            """
        ) { "\(try $0.string("unit")) · \(try $0.string("name"))（\(try $0.string("post"))）" }
    }

    struct Option: Sendable {
        var value: String
        var label: String
    }

    /// Options of the user's jurisdiction read by `query` (an `id` column and what `label` makes
    /// of a row; nil leaves the row out), kept per kind and jurisdiction.
    private static func kept(
        _ request: Request, _ kind: String, _ query: SQLQueryString, label: @escaping @Sendable (RowReader) throws -> String?
    ) async throws -> [(value: String, label: String)] {
        let (scope, db) = (try request.requireUser().scope, request.db)
        let options = try await request.application.shortCache.value(
            ShortCache.writeSensitive + "options|\(kind)|\(scope.value)", ttl: 30
        ) {
            try await db.sql.raw(query).all().compactMap { row -> Option? in
                let r = RowReader(row)
                return try label(r).map { Option(value: try r.uuid("id").uuidString, label: $0) }
            }
        }
        return options.map { ($0.value, $0.label) }
    }

    /// The people of one unit by name (a list's "person" filter, offered once a unit is chosen).
    static func personOptions(of unit: UUID, _ request: Request) async throws -> [(value: String, label: String)] {
        try await request.db.sql.raw(
            "SELECT id, name FROM persons WHERE unit_id = \(bind: unit) ORDER BY name LIMIT 300"
        ).all().map { row in
            let r = RowReader(row)
            return (try r.uuid("id").uuidString, try r.string("name"))
        }
    }
}
