import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// 企业账号: the tie between an enterprise's login and its registry entry (migration 030). The
/// bureau ties and unties on the enterprise's page; a demand submitted through the account carries
/// the registry's name, never one the account types.
struct EnterpriseAccounts {
    let request: Request

    struct Account: Content, Equatable {
        var personID: UUID
        var login: String
        var name: String
        var linkedOn: String

        enum CodingKeys: String, CodingKey {
            case personID = "person_id", login, name, linkedOn = "linked_on"
        }
    }

    /// The accounts that speak for one enterprise, for those who may see the enterprise.
    static func of(_ enterprise: UUID, on db: any Database) async throws -> [Account] {
        try await db.sql.raw(
            """
            SELECT a.person_id, p.login, p.name, a.linked_on FROM enterprise_accounts a JOIN persons p ON p.id = a.person_id
            WHERE a.enterprise_id = \(bind: enterprise) ORDER BY a.linked_on, p.login
            """
        ).all(decoding: Account.self)
    }

    /// The registry entry an account speaks for, if the bureau has tied one.
    static func enterprise(of person: UUID, on db: any Database) async throws -> (id: UUID, name: String)? {
        struct Row: Decodable { var id: UUID, name: String }
        let row = try await db.sql.raw(
            """
            SELECT e.id, e.name FROM enterprise_accounts a JOIN enterprises e ON e.id = a.enterprise_id
            WHERE a.person_id = \(bind: person)
            """
        ).first(decoding: Row.self)
        return row.map { ($0.id, $0.name) }
    }

    /// Ties the login to the enterprise: the login must be an active enterprise account of the
    /// bureau's jurisdiction, not yet speaking for another enterprise.
    func link(_ enterpriseID: UUID, login raw: String) async throws {
        try request.authorize(.manage, .enterprise)
        let enterprise = try await EnterpriseService(request: request).find(enterpriseID)
        try request.authorize(.manage, .enterprise, in: enterprise.regionCode)
        let login = raw.trimmingCharacters(in: .whitespaces)
        guard !login.isEmpty, login.count <= 64,
            let person = try await Person.query(on: request.db).filter(\.$login == login).with(\.$unit).first(),
            (try? request.authorize(.manage, .enterprise, in: person.unit.jurisdictionCode)) != nil
        else {
            throw AppError.field("login", zh: "本辖区没有这个登录名。", en: "No such login in this jurisdiction.")
        }
        guard person.active, person.roles == [.enterprise] else {
            throw AppError.field(
                "login", zh: "只有仅持“企业”角色的有效账号可以关联企业（由系统管理员开设）。",
                en: "Only an active account holding the enterprise role alone can be tied to an enterprise.")
        }
        let personID = try person.requireID()
        if let current = try await Self.enterprise(of: personID, on: request.db) {
            throw AppError(
                code: "account_linked", status: .conflict, zh: "该账号已关联“\(current.name)”，请先解除。",
                en: "This account already speaks for \(current.name); untie it first.")
        }
        let (actor, millis, today) = (request.auditActor, request.clock.millis, request.clock.today)
        let by = try request.requireUser().login
        try await request.writeTransaction { db in
            try await db.sql.raw(
                """
                INSERT INTO enterprise_accounts (person_id, enterprise_id, linked_on, linked_by)
                VALUES (\(bind: personID), \(bind: enterpriseID), \(bind: today.description), \(bind: by))
                """
            ).run()
            try await AuditLog.append(
                on: db, by: actor, action: "enterprise.account.link", objectType: "enterprise", objectID: enterpriseID.uuidString,
                after: ["login": login], at: millis)
        }
    }

    /// Unties the account; what it submitted stays with it.
    func unlink(_ enterpriseID: UUID, person personID: UUID) async throws {
        try request.authorize(.manage, .enterprise)
        let enterprise = try await EnterpriseService(request: request).find(enterpriseID)
        try request.authorize(.manage, .enterprise, in: enterprise.regionCode)
        let (actor, millis) = (request.auditActor, request.clock.millis)
        try await request.writeTransaction { db in
            let gone = try await db.sql.raw(
                """
                DELETE FROM enterprise_accounts WHERE person_id = \(bind: personID) AND enterprise_id = \(bind: enterpriseID)
                RETURNING person_id
                """
            ).all()
            guard !gone.isEmpty else { throw AppError.notFound }
            try await AuditLog.append(
                on: db, by: actor, action: "enterprise.account.unlink", objectType: "enterprise", objectID: enterpriseID.uuidString,
                after: ["person": personID.uuidString], at: millis)
        }
    }
}
