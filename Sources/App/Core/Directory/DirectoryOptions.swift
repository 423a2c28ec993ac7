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
}
