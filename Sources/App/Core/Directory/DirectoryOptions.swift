import Fluent
import FluentSQL
import Vapor

/// Choices of people and units that forms of several rooms offer.
enum DirectoryOptions {
    /// The leaders who may answer for something of the user's jurisdiction: its own and those of
    /// the jurisdictions enclosing it (a city's vice mayor for a district project). The role is
    /// one code in a comma-separated list.
    static func leaderOptions(_ request: Request) async throws -> [(value: String, label: String)] {
        struct Row: Decodable { var id: UUID, name: String, post: String, roles: String }
        let scope = try request.requireUser().scope
        let enclosing = sequence(first: scope, next: \.parent).dropFirst().map(\.value)
        return try await request.db.sql.raw(
            """
            SELECT p.id, p.name, p.post, p.roles FROM persons p JOIN units u ON u.id = p.unit_id
            WHERE ((u.jurisdiction_code >= \(bind: scope.prefix) AND u.jurisdiction_code < \(bind: scope.prefix + "~"))
            OR u.jurisdiction_code IN (\(binds: enclosing.isEmpty ? [scope.value] : enclosing)))
            AND p.roles LIKE '%leader%' ORDER BY p.name
            """
        ).all(decoding: Row.self).filter { $0.roles.split(separator: ",").contains("leader") }.map {
            ($0.id.uuidString, "\($0.name)（\($0.post)）")
        }
    }

    /// The live units of the user's jurisdiction, by kind then name (a list's "unit" filter).
    static func unitOptions(_ request: Request) async throws -> [(value: String, label: String)] {
        struct Row: Decodable { var id: UUID, name: String }
        let scope = try request.requireUser().scope
        return try await request.db.sql.raw(
            """
            SELECT id, name FROM units WHERE jurisdiction_code >= \(bind: scope.prefix) AND jurisdiction_code < \(bind: scope.prefix + "~")
            AND dissolved_on IS NULL ORDER BY kind, name LIMIT 500
            """
        ).all(decoding: Row.self).map { ($0.id.uuidString, $0.name) }
    }

    /// The people of one unit by name (a list's "person" filter, offered once a unit is chosen).
    static func personOptions(of unit: UUID, _ request: Request) async throws -> [(value: String, label: String)] {
        struct Row: Decodable { var id: UUID, name: String }
        return try await request.db.sql.raw(
            "SELECT id, name FROM persons WHERE unit_id = \(bind: unit) ORDER BY name LIMIT 300"
        ).all(decoding: Row.self).map { ($0.id.uuidString, $0.name) }
    }
}
