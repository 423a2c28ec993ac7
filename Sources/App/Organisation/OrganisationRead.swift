import Domain
import Fluent
import FluentSQL
import Foundation

/// The organisation's read side: plain rows for the unit tree and the person list.
struct UnitRow: Decodable, Sendable {
    var id: UUID
    var name: String
    var kind: UnitKind
    var parentId: UUID?
    var hostCity: String?
    var dissolvedOn: String?

    enum CodingKeys: String, CodingKey {
        case id, name, kind
        case parentId = "parent_id", hostCity = "host_city", dissolvedOn = "dissolved_on"
    }

    static func all(within scope: JurisdictionCode, on db: any Database) async throws -> [UnitRow] {
        try await db.sql.raw(
            """
            SELECT id, name, kind, parent_id, host_city, dissolved_on FROM units
            WHERE jurisdiction_code >= \(bind: scope.prefix) AND jurisdiction_code < \(bind: scope.prefix + "~") ORDER BY name
            """
        ).all(decoding: UnitRow.self)
    }
}

struct PersonRow: Decodable, Sendable {
    var id: UUID
    var name: String
    var post: String
    var login: String?
    var roles: String
    var lockedUntil: Int64?
    var unitName: String

    enum CodingKeys: String, CodingKey {
        case id, name, post, login, roles
        case lockedUntil = "locked_until", unitName = "unit_name"
    }

    var roleSet: Set<Role> { Set(roles.split(separator: ",").compactMap { Role(rawValue: String($0)) }) }

    /// One page of the persons in `scope`, matching `query` in name, login or post.
    static func page(within scope: JurisdictionCode, query: String, page: Int, per: Int, on db: any Database) async throws -> [PersonRow] {
        let pattern = "%" + query.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
        return try await db.sql.raw(
            """
            SELECT p.id, p.name, p.post, p.login, p.roles, p.locked_until, u.name AS unit_name
            FROM persons p JOIN units u ON u.id = p.unit_id
            WHERE u.jurisdiction_code >= \(bind: scope.prefix) AND u.jurisdiction_code < \(bind: scope.prefix + "~")
              AND (\(bind: query.isEmpty) OR p.name LIKE \(bind: pattern) OR p.login LIKE \(bind: pattern) OR p.post LIKE \(bind: pattern))
            ORDER BY p.name, p.id LIMIT \(bind: per + 1) OFFSET \(bind: (page - 1) * per)
            """
        ).all(decoding: PersonRow.self)
    }
}

/// id → name for some persons and units, without loading whole models (a Fluent model walks its
/// properties by reflection per row): one round trip, as their ids never coincide.
enum Names {
    static func of(persons: [UUID] = [], units: [UUID] = [], on db: any Database) async throws -> [UUID: String] {
        struct Row: Decodable { var id: UUID, name: String }
        let parts: [SQLQueryString] =
            (persons.isEmpty ? [] : ["SELECT id, name FROM persons WHERE id IN (\(binds: persons))"])
            + (units.isEmpty ? [] : ["SELECT id, name FROM units WHERE id IN (\(binds: units))"])
        guard !parts.isEmpty else { return [:] }
        let rows = try await db.sql.raw(parts.joined(separator: " UNION ALL ")).all(decoding: Row.self)
        return Dictionary(rows.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }
}
