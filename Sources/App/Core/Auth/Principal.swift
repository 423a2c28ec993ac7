import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// The person behind a session or token, loaded with one query on every request.
struct PrincipalRow: Decodable, Sendable {
    var personId: UUID
    var personName: String
    var login: String?
    var roles: String
    var active: Bool
    var lockedUntil: Int64?
    var unitId: UUID
    var unitName: String
    var jurisdictionCode: String

    enum CodingKeys: String, CodingKey {
        case login, roles, active
        case personId = "person_id", personName = "person_name", lockedUntil = "locked_until", unitId = "unit_id"
        case unitName = "unit_name", jurisdictionCode = "jurisdiction_code"
    }

    static let columns = """
        p.id AS person_id, p.name AS person_name, p.login, p.roles, p.active, p.locked_until,
        u.id AS unit_id, u.name AS unit_name, u.jurisdiction_code
        """

    /// The person with a login, for the commands that act as someone (`import`, `bench`).
    static func find(login: String, on db: any Database) async throws -> PrincipalRow? {
        try await db.sql.raw(
            "SELECT \(unsafeRaw: columns) FROM persons p JOIN units u ON u.id = p.unit_id WHERE p.login = \(bind: login)"
        ).first(decoding: PrincipalRow.self)
    }

    func currentUser(csrfToken: String?, now: Int64) -> CurrentUser? {
        guard active, !AccountRules.isLocked(lockedUntil: lockedUntil, now: now), let scope = try? JurisdictionCode(jurisdictionCode) else {
            return nil
        }
        return CurrentUser(
            personID: personId, login: login ?? personId.uuidString, name: personName, unitID: unitId, unitName: unitName,
            roles: Set(roles.split(separator: ",").compactMap { Role(rawValue: String($0)) }), scope: scope, csrfToken: csrfToken)
    }
}

struct SessionRow: Decodable, Sendable {
    var csrfToken: String
    var createdAt: Int64
    var lastSeenAt: Int64
    var principal: PrincipalRow

    init(from decoder: any Decoder) throws {
        enum Keys: String, CodingKey { case csrfToken = "csrf_token", createdAt = "created_at", lastSeenAt = "last_seen_at" }
        let container = try decoder.container(keyedBy: Keys.self)
        csrfToken = try container.decode(String.self, forKey: .csrfToken)
        createdAt = try container.decode(Int64.self, forKey: .createdAt)
        lastSeenAt = try container.decode(Int64.self, forKey: .lastSeenAt)
        principal = try PrincipalRow(from: decoder)
    }

    static func find(id: String, on db: any Database) async throws -> SessionRow? {
        try await db.sql.raw(
            """
            SELECT s.csrf_token, s.created_at, s.last_seen_at, \(unsafeRaw: PrincipalRow.columns)
            FROM user_sessions s JOIN persons p ON p.id = s.person_id JOIN units u ON u.id = p.unit_id
            WHERE s.id = \(bind: id)
            """
        ).first(decoding: SessionRow.self)
    }
}

struct TokenRow: Decodable, Sendable {
    var tokenId: UUID
    var lastUsedAt: Int64?
    var principal: PrincipalRow

    init(from decoder: any Decoder) throws {
        enum Keys: String, CodingKey { case tokenId = "token_id", lastUsedAt = "last_used_at" }
        let container = try decoder.container(keyedBy: Keys.self)
        tokenId = try container.decode(UUID.self, forKey: .tokenId)
        lastUsedAt = try container.decodeIfPresent(Int64.self, forKey: .lastUsedAt)
        principal = try PrincipalRow(from: decoder)
    }

    static func find(hash: String, on db: any Database) async throws -> TokenRow? {
        try await db.sql.raw(
            """
            SELECT t.id AS token_id, t.last_used_at, \(unsafeRaw: PrincipalRow.columns)
            FROM api_tokens t JOIN persons p ON p.id = t.person_id JOIN units u ON u.id = p.unit_id
            WHERE t.token_hash = \(bind: hash) AND t.revoked_at IS NULL
            """
        ).first(decoding: TokenRow.self)
    }
}
