import Domain
import Fluent
import Foundation
import Vapor

extension DemoCity {
    struct UnitRef {
        var id: UUID
        var role: String
    }

    /// The seed's structure in small: a leadership group, the bureau, departments in the three
    /// evaluation series [003], parks, towns, industry bureaus and teams [000], a Shenzhen
    /// resident team [004] and a task force.
    func createUnits(on db: any Database, counties: [(code: String, name: String)], _ rng: inout SeededRandom) async throws -> [UnitRef] {
        var units: [Unit] = []
        var refs: [UnitRef] = []
        func add(
            _ name: String, _ kind: UnitKind, _ code: String, parent: UUID?, role: String, city: String? = nil,
            series: EvaluationSeries? = nil
        ) -> UUID {
            let unit = Unit()
            unit.id = rng.uuid()
            unit.name = name
            unit.kind = kind
            unit.jurisdictionCode = code
            unit.$parent.id = parent
            unit.hostCity = city
            unit.evaluationSeries = series
            unit.version = 1
            units.append(unit)
            refs.append(UnitRef(id: unit.id!, role: role))
            return unit.id!
        }
        let city = Self.cityCode
        let group = add("演示市招商引资工作领导小组", .leadershipGroup, city, parent: nil, role: "group")
        let bureau = add("演示市投资促进局", .bureau, city, parent: group, role: "bureau")
        let departments: [(String, EvaluationSeries)] = [
            ("市市场监督管理局", .lawEnforcement), ("市生态环境局", .lawEnforcement), ("市城市管理执法局", .lawEnforcement), ("市税务局", .lawEnforcement),
            ("市发展和改革委员会", .comprehensiveManagement), ("市经济和信息化局", .comprehensiveManagement), ("市自然资源和规划局", .comprehensiveManagement),
            ("市住房和城乡建设局", .comprehensiveManagement), ("市政务服务中心", .windowService), ("国网演示市供电公司", .windowService),
            ("市住房公积金中心", .windowService),
        ]
        for (name, series) in departments {
            let id = add(name, .department, city, parent: nil, role: "department", series: series)
            let short = name.hasPrefix("市") ? String(name.dropFirst()) : name
            _ = add(short + "招商小分队", .departmentTeam, city, parent: id, role: "industry")
        }
        let parks = ["演示经济技术开发区", "演示高新技术产业园", "临江化工循环产业园"]
        for (index, name) in parks.enumerated() {
            _ = add(name, .park, counties[index % counties.count].code, parent: group, role: "park")
        }
        let towns = ["凤鸣街道", "青石镇", "临江镇", "白沙镇", "石桥乡", "新港街道"]
        for (index, name) in towns.enumerated() {
            _ = add(name, .town, counties[index % min(4, counties.count)].code, parent: nil, role: "town")
        }
        for chain in ["电子信息", "新材料", "装备制造"] {
            let industry = add(chain + "产业招商分局", .industryBureau, city, parent: bureau, role: "industry")
            _ = add(chain + "产业招商一分队", .industryTeam, city, parent: industry, role: "industry")
            _ = add(chain + "产业招商二分队", .industryTeam, city, parent: industry, role: "industry")
        }
        let shenzhen = add("驻深圳招商工作队", .residentOffice, city, parent: bureau, role: "industry", city: "深圳")
        _ = add("驻深圳电子信息招商组", .industryTeam, city, parent: shenzhen, role: "industry")
        _ = add("驻上海招商分局", .residentOffice, city, parent: bureau, role: "industry", city: "上海")
        _ = add("线路板产业园项目工作专班", .taskForce, city, parent: group, role: "industry")
        // parents first: the foreign keys point backwards
        try await units.create(on: db)
        return refs
    }

    /// About 150 people; one login per role, all with the demo password.
    func createPersons(app: Application, units: [UnitRef], _ rng: inout SeededRandom) async throws {
        let hash = try Bcrypt.hash(Secrets.passwordInput(Self.password), cost: app.environment == .testing ? 4 : 10)
        var persons: [Person] = []
        for account in Self.logins {
            let unit = units.first { $0.role == account.unit } ?? units[0]
            let person = Self.person(in: unit.id, post: account.role.label(.zh), roles: [account.role], &rng)
            (person.login, person.passwordHash) = (account.login, hash)
            persons.append(person)
        }
        let posts = ["科员", "副科长", "科长", "副局长", "主任", "副主任", "招商专员"]
        while persons.count < 150 {
            let unit = rng.pick(units)
            let role: Role = unit.role == "park" || unit.role == "town" ? .host : unit.role == "department" ? .coordinator : .cadre
            // park and department experts also sit on the pre-review panel (预审专班)
            let reviewer = (role == .host || role == .coordinator) && rng.next() % 3 == 0
            persons.append(Self.person(in: unit.id, post: rng.pick(posts), roles: reviewer ? [role, .reviewer] : [role], &rng))
        }
        try await persons.create(on: app.db)
    }

    /// A person of the demo city in `unit`: a name and a phone from the seed, no login.
    static func person(in unit: UUID, post: String, roles: Set<Role>, _ rng: inout SeededRandom) -> Person {
        let person = Person()
        person.id = rng.uuid()
        person.name = DemoNames.person(&rng)
        person.$unit.id = unit
        person.post = post
        person.phone = "139" + String(format: "%08d", Int(rng.next() % 100_000_000))
        person.roles = roles
        (person.failedLogins, person.active, person.version) = (0, true, 1)
        return person
    }
}
