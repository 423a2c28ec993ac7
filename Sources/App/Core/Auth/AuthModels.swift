import Fluent
import Foundation
import Vapor

/// A login session, kept in the database so that several app processes share it (SPEC §12).
/// The id is the SHA-256 of the cookie value: a copy of the table does not let anyone log in.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"
    @ID(custom: "id", generatedBy: .user) var id: String?
    @Parent(key: "person_id") var person: Person
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Int64
    @Field(key: "last_seen_at") var lastSeenAt: Int64
    @Field(key: "ip") var ip: String

    init() {}
}

/// A personal API token for `/api/v1`; only its hash is stored.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    @ID var id: UUID?
    @Parent(key: "person_id") var person: Person
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Int64
    @OptionalField(key: "last_used_at") var lastUsedAt: Int64?
    @OptionalField(key: "revoked_at") var revokedAt: Int64?

    init() {}
}

extension UserSession {
    /// Opens a session for a person and returns the cookie value; only its digest is stored.
    static func open(for personID: UUID, now: Int64, ip: String, on db: any Database) async throws -> String {
        let token = Secrets.token()
        let session = UserSession()
        session.id = Secrets.digest(token)
        session.$person.id = personID
        session.csrfToken = Secrets.token(bytes: 24)
        session.createdAt = now
        session.lastSeenAt = now
        session.ip = ip
        try await session.create(on: db)
        return token
    }
}

extension APIToken {
    /// Issues a personal API token and returns it with its secret, which is shown once and stored
    /// only as a digest.
    static func issue(to personID: UUID, name: String, now: Int64, on db: any Database) async throws -> (APIToken, String) {
        let secret = "zs_" + Secrets.token()
        let token = APIToken()
        token.id = UUID()
        token.$person.id = personID
        token.name = name
        token.tokenHash = Secrets.digest(secret)
        token.createdAt = now
        try await token.create(on: db)
        return (token, secret)
    }
}
