import Fluent
import Foundation

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
