import Crypto
import Domain
import Foundation
import Vapor

/// The person making the request, as every controller sees them.
struct CurrentUser: Sendable {
    var personID: UUID
    var login: String
    var name: String
    var unitID: UUID
    var unitName: String
    var roles: Set<Role>
    var scope: JurisdictionCode
    /// Set for browser sessions: the token every state-changing form must carry.
    var csrfToken: String?

    var actor: AccessPolicy.Actor { AccessPolicy.Actor(roles: roles, scope: scope) }

    init(
        personID: UUID, login: String, name: String, unitID: UUID, unitName: String, roles: Set<Role>, scope: JurisdictionCode,
        csrfToken: String?
    ) {
        self.personID = personID
        self.login = login
        self.name = name
        self.unitID = unitID
        self.unitName = unitName
        self.roles = roles
        self.scope = scope
        self.csrfToken = csrfToken
    }
}

extension Request {
    private struct CurrentUserKey: StorageKey { typealias Value = CurrentUser }

    var currentUser: CurrentUser? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    func requireUser() throws -> CurrentUser {
        guard let user = currentUser else { throw AppError.unauthenticated }
        return user
    }

    /// The one authorisation check (`AccessPolicy`): by role, then by the object's jurisdiction.
    @discardableResult
    func authorize(
        _ action: AccessPolicy.Action, _ resource: AccessPolicy.Resource, in scope: String? = nil
    ) throws -> CurrentUser {
        let user = try requireUser()
        let objectScope = try scope.map { code throws(AppError) in
            guard let parsed = try? JurisdictionCode(code) else { throw AppError.notFound }
            return parsed
        }
        switch AccessPolicy.decide(user.actor, action, resource, in: objectScope) {
        case .allowed: return user
        case .roleDenied: throw AppError.forbidden
        case .outOfScope: throw AppError.notFound
        }
    }

    /// A jurisdiction typed into a form must lie inside the user's own: a field error, not a 404.
    func requireInScope(_ code: String, field: String) throws {
        let user = try requireUser()
        guard let parsed = try? JurisdictionCode(code), user.scope.contains(parsed) else {
            throw AppError.field(field, zh: "所选行政区划不在您的辖区内。", en: "That jurisdiction is outside yours.")
        }
    }

    func may(_ action: AccessPolicy.Action, _ resource: AccessPolicy.Resource) -> Bool {
        guard let user = currentUser else { return false }
        return AccessPolicy.decide(user.actor, action, resource) == .allowed
    }
}

/// Random secrets and their stored digests.
enum Secrets {
    static func token(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let raw = (0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(raw).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The SHA-256 of a text in lowercase hex (a token's stored form; a published record's digest).
    static func digest(_ value: String) -> String {
        Digest.sha256Hex(value)
    }

    /// Compares without an early exit, so timing does not reveal how much matched.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for index in x.indices { diff |= x[index] ^ y[index] }
        return diff == 0
    }

    /// bcrypt reads at most 72 bytes (24 Chinese characters): the password is pre-hashed to a
    /// fixed 64-character digest, so every character of a long password counts.
    static func passwordInput(_ password: String) -> String { digest("zhaoshang-password:" + password) }
}
