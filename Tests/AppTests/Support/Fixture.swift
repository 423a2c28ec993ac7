import Domain
import Fluent
import Foundation
import Vapor

@testable import App

/// Real places and enterprises from the seeds: 荆门 and its 东宝区 [000], 安庆 [001] as the
/// "other jurisdiction", and a person per role.
enum Fixture {
    static let password = "Zhaoshang#2026"

    static let hubei = "420000"
    static let jingmen = "420800"
    static let dongbao = "420802"
    static let anhui = "340000"
    static let anqing = "340800"

    /// 湖北伟德线路板有限公司: the PCB maker of seed [000]; the USCC is made valid for the test.
    static let weideUSCC: String = {
        let body = Array("91420800MA49WDXB2")
        return String(body) + String(USCC.checkCharacter(for: body))
    }()

    struct IDs {
        var jingmenBureau: UUID
        var anqingBureau: UUID
        var weide: UUID
        var anqingEnterprise: UUID
    }

    static let roles: [(login: String, roles: Set<Role>, inJingmen: Bool)] = [
        ("sys", [.sysAdmin], true), ("sec", [.securityAdmin], true), ("aud", [.auditAdmin], true),
        ("leader", [.leader], true), ("bureau", [.bureau], true), ("cadre", [.cadre], true), ("host", [.host], true),
        ("observer", [.observer], true), ("anqing-bureau", [.bureau], false),
    ]

    @discardableResult
    static func load(_ app: Application) async throws -> IDs {
        let db = app.db
        for (code, name) in [(hubei, "湖北省"), (jingmen, "荆门市"), (dongbao, "东宝区"), (anhui, "安徽省"), (anqing, "安庆市")] {
            try await Jurisdiction(code: try JurisdictionCode(code), name: name).create(on: db)
        }
        let jingmenBureau = try await unit("荆门市招商局", .bureau, jingmen, on: db)
        let anqingBureau = try await unit("安庆市投资促进局", .bureau, anqing, on: db)
        let hash = try Bcrypt.hash(Secrets.passwordInput(password), cost: 4)
        for entry in roles {
            let person = Person()
            person.name = "测试" + entry.login
            person.$unit.id = entry.inJingmen ? jingmenBureau : anqingBureau
            person.post = ""
            person.phone = ""
            person.login = entry.login
            person.passwordHash = hash
            person.roles = entry.roles
            person.failedLogins = 0
            person.active = true
            person.version = 1
            try await person.create(on: db)
        }
        let weide = try await enterprise("湖北伟德线路板有限公司", uscc: weideUSCC, region: dongbao, legal: "吕万军", on: db)
        let anqingEnterprise = try await enterprise("安庆华兴电子有限公司", uscc: nil, region: anqing, legal: "魏明", on: db)
        return IDs(jingmenBureau: jingmenBureau, anqingBureau: anqingBureau, weide: weide, anqingEnterprise: anqingEnterprise)
    }

    static func unit(_ name: String, _ kind: UnitKind, _ code: String, on db: any Database) async throws -> UUID {
        let unit = Unit()
        unit.name = name
        unit.kind = kind
        unit.jurisdictionCode = code
        unit.version = 1
        try await unit.create(on: db)
        return try unit.requireID()
    }

    static func enterprise(_ name: String, uscc: String?, region: String, legal: String, on db: any Database) async throws -> UUID {
        let enterprise = Enterprise()
        enterprise.name = name
        enterprise.uscc = uscc
        enterprise.formerNames = ""
        enterprise.legalRepresentative = legal
        enterprise.industryCode = "C3982"
        enterprise.regionCode = region
        enterprise.registeredCapitalMinor = 50_000_000 * 100
        enterprise.registeredCapitalCurrency = "CNY"
        enterprise.tagCodes = "aboveScale"
        enterprise.attracted = true
        enterprise.version = 1
        enterprise.refreshDerivedFields()
        try await enterprise.create(on: db)
        return try enterprise.requireID()
    }

    static func id(of login: String, on db: any Database) async throws -> UUID {
        guard let person = try await Person.query(on: db).filter(\.$login == login).first() else { throw Abort(.notFound) }
        return try person.requireID()
    }
}

extension Fixture {
    /// A unit of its own with one cadre in it, logged in with the fixture password.
    @discardableResult
    static func cadre(_ login: String, unit name: String, on db: any Database) async throws -> UUID {
        let unit = try await unit(name, .park, dongbao, on: db)
        let person = Person()
        person.name = "测试" + login
        person.$unit.id = unit
        person.post = ""
        person.phone = ""
        person.login = login
        person.passwordHash = try Bcrypt.hash(Secrets.passwordInput(password), cost: 4)
        person.roles = [.cadre]
        person.failedLogins = 0
        person.active = true
        person.version = 1
        try await person.create(on: db)
        return try person.requireID()
    }
}

extension Fixture {
    /// Three reviewers in a panel unit: 园区, 自然资源局, 研究院 experts.
    static func reviewers(on db: any Database) async throws -> [UUID] {
        var ids: [UUID] = []
        for login in ["rev-park", "rev-land", "rev-institute"] {
            let id = try await cadre(login, unit: "预审单位-\(login)", on: db)
            let person = try await Person.find(id, on: db)!
            person.roles = [.reviewer]
            try await person.update(on: db)
            ids.append(id)
        }
        return ids
    }
}
