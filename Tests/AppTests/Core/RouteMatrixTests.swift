import Domain
import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// The whole door table, generated from the route table: every route the application registers ×
/// the 12 roles of SPEC §1 × the person's own object / another unit's in the jurisdiction / another
/// jurisdiction's, against what `AccessPolicy` says (`RouteMatrix.expected`). A route without an
/// entry in `RouteMatrix.checks` fails; so does every cell where the service and the policy part.
/// Runs on the demo city (SQLite, and PostgreSQL in CI with `TEST_DATABASE_URL`).
@Suite("授权矩阵：12 个角色 × 全部路由 × 本单位/他单位/外辖区对象")
struct RouteMatrixTests {
    typealias Variant = RouteMatrix.Variant

    struct Person {
        var login: String
        var id: UUID
        var unit: UUID
        var roles: Set<Role>
        var scope: JurisdictionCode
    }

    /// An object for a cell and what ties the person to it.
    struct Target {
        var id: String
        var ties: AccessPolicy.Ties
        /// `:report` / `:entry` of a project: one of its entries someone else reported.
        var report: String = UUID().uuidString
        var entry: String = UUID().uuidString
    }

    @Test func everyRoleGetsWhatThePolicySaysOnEveryRoute() async throws {
        try await withApp(fixture: false) { app, _ in
            try await DemoCity(seed: 5, scale: .county, logger: app.logger).generate(app: app)
            let fixture = try await Fixture.load(app)
            let world = try await World.make(app, fixture: fixture)
            let routes = app.routes.all.map { route in
                (method: route.method.rawValue, path: "/" + route.path.map(\.description).joined(separator: "/"))
            }
            let unlisted = routes.map { "\($0.method) \(Self.key($0.path))" }.filter { RouteMatrix.checks[$0] == nil }
            #expect(unlisted.isEmpty, "routes without an entry in RouteMatrix.checks: \(unlisted)")
            // the session doors last, so the browser stays logged in until then
            let ordered = routes.sorted { a, b in
                let late = ["/logout", "/language", "/login"]
                return (late.contains(a.path) ? 1 : 0, a.path, a.method) < (late.contains(b.path) ? 1 : 0, b.path, b.method)
            }
            var mismatches: [String] = []
            var cells = 0
            var consumed: Set<String> = []
            for person in world.people {
                let browser = Browser(app)
                let login = try await browser.login(person.login, password: DemoCity.password)
                #expect(login.status == .seeOther, "\(person.login) logs in")
                let api = try await APIClient.issue(app, login: person.login)
                let actor = AccessPolicy.Actor(roles: person.roles, scope: person.scope)
                for route in ordered {
                    guard let check = RouteMatrix.checks["\(route.method) \(Self.key(route.path))"] else { continue }
                    let variants: [Variant?] = RouteMatrix.kind(of: check) == nil ? [nil] : Variant.allCases
                    for variant in variants {
                        var target: Target?
                        if let kind = RouteMatrix.kind(of: check), let variant {
                            guard let found = world.target(kind, variant, for: person) else { continue }
                            target = found
                        }
                        // an object an allowed write has already ended, deleted or revoked is gone for what follows
                        if let id = target?.id, consumed.contains(id), Self.consumes(route.method, route.path) { continue }
                        let path = Self.fill(route.path, target)
                        let code = try await Self.send(route.method, path, browser: browser, api: api)
                        if let id = target?.id, Self.consumes(route.method, route.path), code < 400 { consumed.insert(id) }
                        let expected = RouteMatrix.expected(check, actor, ties: target?.ties ?? [], variant: variant)
                        cells += 1
                        if !expected.admits(code) {
                            mismatches.append(
                                "\(person.login) \(route.method) \(route.path) [\(variant?.rawValue ?? "-")]: \(code), policy says \(expected)"
                            )
                        }
                    }
                }
            }
            print("route matrix: \(world.people.count) roles, \(routes.count) routes, \(cells) cells")
            #expect(cells > 1_500, "\(cells) cells")
            let report = mismatches.joined(separator: "\n")
            #expect(mismatches.isEmpty, "\(mismatches.count) cells part from the policy:\n\(report)")
        }
    }

    static func consumes(_ method: String, _ path: String) -> Bool {
        method == "DELETE" || path.hasSuffix("/end") || path.hasSuffix("/delete") || path.hasSuffix("/revoke")
    }

    /// The table's key: the stylesheet's name carries its digest.
    static func key(_ path: String) -> String { path.hasPrefix("/static/") ? "/static/*" : path }

    static func fill(_ path: String, _ target: Target?) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part -> String in
            switch part {
            case ":id": target?.id ?? UUID().uuidString
            case ":report": target?.report ?? UUID().uuidString
            case ":entry": target?.entry ?? UUID().uuidString
            case ":currency": "USD"
            case ":month": "2026-03"
            case ":code": target?.id ?? "420800"
            case ":effectiveFrom": "2026-12-01"
            case ":token": "no-such-link"
            // the demo city's first bulletin of the year (2026年第1期)
            case ":year": "2026"
            case ":number": "1"
            default: String(part)
            }
        }.joined(separator: "/")
    }

    static func send(_ method: String, _ path: String, browser: Browser, api: APIClient) async throws -> Int {
        let verb = HTTPMethod(rawValue: method)
        if path.hasPrefix(APIRoute.prefix + "/") {
            return Int(try await api.send(verb, path, json: verb == .GET || verb == .DELETE ? nil : "{}").status.code)
        }
        if verb == .GET { return Int(try await browser.get(path).status.code) }
        return Int(try await browser.post(path, []).status.code)
    }
}

/// The demo city's twelve accounts and, for each, objects of every kind: their own, another
/// unit's, and one moved to 安庆 (another jurisdiction).
struct World {
    var people: [RouteMatrixTests.Person] = []
    /// kind → login → variant → target
    var targets: [String: [String: [RouteMatrix.Variant: RouteMatrixTests.Target]]] = [:]

    func target(_ kind: RouteMatrix.Kind, _ variant: RouteMatrix.Variant, for person: RouteMatrixTests.Person)
        -> RouteMatrixTests.Target?
    {
        if kind == .absent { return .init(id: UUID().uuidString, ties: variant == .foreign ? [] : .withinJurisdiction) }
        return targets[kind.rawValue]?[person.login]?[variant]
    }

    struct Row: Decodable { var id: UUID }

    static func make(_ app: Application, fixture: Fixture.IDs) async throws -> World {
        let sql = app.db.sql
        var world = World()
        for account in DemoCity.logins {
            let person = try #require(try await App.Person.query(on: app.db).filter(\.$login == account.login).with(\.$unit).first())
            world.people.append(
                .init(
                    login: account.login, id: try person.requireID(), unit: person.$unit.id, roles: person.roles,
                    scope: try JurisdictionCode(person.unit.jurisdictionCode)))
        }
        // the bureau last: what its allowed writes change comes after everyone else has tried
        world.people.sort { ($0.roles.contains(.bureau) ? 1 : 0) < ($1.roles.contains(.bureau) ? 1 : 0) }
        let logins = world.people.map(\.id)
        let units = world.people.map(\.unit)
        func first(_ query: SQLQueryString) async throws -> String? {
            try await sql.raw(query).first(decoding: Row.self)?.id.uuidString
        }
        // one object of each kind moved to 安庆, tied to none of the twelve
        let anqing = Fixture.anqing
        let untiedProject: SQLQueryString = """
            SELECT p.id FROM projects p WHERE p.host_unit_id NOT IN (\(binds: units)) AND (p.leader_id IS NULL OR p.leader_id NOT IN (\(binds: logins)))
            AND NOT EXISTS (SELECT 1 FROM project_attractors a WHERE a.project_id = p.id AND (a.person_id IN (\(binds: logins)) OR a.unit_id IN (\(binds: units))))
            AND NOT EXISTS (SELECT 1 FROM project_coordinators c WHERE c.project_id = p.id AND c.unit_id IN (\(binds: units)))
            ORDER BY p.id LIMIT 1
            """
        var foreign: [RouteMatrix.Kind: String] = [:]
        foreign[.project] = try await first(untiedProject)
        foreign[.lead] = try await first(
            "SELECT id FROM leads WHERE submitter_unit_id NOT IN (\(binds: units)) AND id NOT IN (SELECT lead_id FROM lead_reviews) ORDER BY id LIMIT 1"
        )
        foreign[.activity] = try await first("SELECT id FROM activities WHERE owner_id NOT IN (\(binds: logins)) ORDER BY id LIMIT 1")
        foreign[.workOrder] = try await first(
            "SELECT id FROM work_orders WHERE (responsible_unit_id IS NULL OR responsible_unit_id NOT IN (\(binds: units))) AND (requester_id IS NULL OR requester_id NOT IN (\(binds: logins))) ORDER BY id LIMIT 1"
        )
        foreign[.linkage] = try await first("SELECT id FROM linkages ORDER BY id LIMIT 1")
        foreign[.routingRule] = try await first("SELECT id FROM routing_rules ORDER BY id LIMIT 1")
        for (kind, table) in [
            (RouteMatrix.Kind.project, "projects"), (.lead, "leads"), (.activity, "activities"), (.workOrder, "work_orders"),
            (.linkage, "linkages"), (.routingRule, "routing_rules"),
        ] {
            let id = try #require(foreign[kind], "a \(kind) to move")
            try await sql.raw("UPDATE \(ident: table) SET jurisdiction_code = \(bind: anqing) WHERE id = \(bind: UUID(uuidString: id)!)")
                .run()
        }
        let anqingPerson = try await Fixture.id(of: "anqing-bureau", on: app.db)
        _ = try await APIClient.issue(app, login: "anqing-bureau")
        let foreignToken = try await first("SELECT id FROM api_tokens WHERE person_id = \(bind: anqingPerson) LIMIT 1")
        foreign[.enterprise] = fixture.anqingEnterprise.uuidString
        foreign[.unit] = fixture.anqingBureau.uuidString
        foreign[.park] = fixture.anqingBureau.uuidString
        foreign[.office] = fixture.anqingBureau.uuidString
        foreign[.person] = anqingPerson.uuidString
        foreign[.jurisdiction] = anqing

        for person in world.people {
            let (me, unit) = (person.id, person.unit)
            let lo = person.scope.prefix
            let hi = person.scope.prefix + "~"
            // six-digit codes read from the database: safe to write into the query
            let scopeSQL = "jurisdiction_code >= '\(lo)' AND jurisdiction_code < '\(hi)'"
            func set(_ kind: RouteMatrix.Kind, _ variant: RouteMatrix.Variant, _ target: RouteMatrixTests.Target?) {
                guard let target else { return }
                world.targets[kind.rawValue, default: [:]][person.login, default: [:]][variant] = target
            }
            func within(_ id: String?, _ ties: AccessPolicy.Ties = []) -> RouteMatrixTests.Target? {
                id.map { .init(id: $0, ties: ties.union(.withinJurisdiction)) }
            }
            for (kind, id) in foreign { set(kind, .foreign, .init(id: id, ties: [])) }
            set(.token, .foreign, nil)
            set(.jurisdiction, .own, .init(id: person.scope.value, ties: .withinJurisdiction))

            // projects: one the person answers for (hosting first), one nobody of theirs touches
            let hosted = try await first(
                "SELECT id FROM projects WHERE host_unit_id = \(bind: unit) AND \(unsafeRaw: scopeSQL) AND EXISTS (SELECT 1 FROM stage_reports r WHERE r.project_id = projects.id AND r.reported_by <> \(bind: me)) ORDER BY id LIMIT 1"
            )
            let attracted = try await first(
                "SELECT p.id FROM projects p JOIN project_attractors a ON a.project_id = p.id WHERE a.person_id = \(bind: me) AND p.host_unit_id <> \(bind: unit) ORDER BY p.id LIMIT 1"
            )
            if let hosted {
                set(.project, .own, within(hosted, [.accountable, .involved, .ownUnit]))
            } else {
                set(.project, .own, within(attracted, [.accountable, .involved]))
            }
            let other = try await first(
                """
                SELECT p.id FROM projects p WHERE p.\(unsafeRaw: scopeSQL.replacingOccurrences(of: "AND ", with: "AND p."))
                AND p.host_unit_id <> \(bind: unit) AND (p.leader_id IS NULL OR p.leader_id <> \(bind: me))
                AND NOT EXISTS (SELECT 1 FROM project_attractors a WHERE a.project_id = p.id AND a.person_id = \(bind: me))
                AND NOT EXISTS (SELECT 1 FROM project_coordinators c WHERE c.project_id = p.id AND c.unit_id = \(bind: unit))
                AND EXISTS (SELECT 1 FROM stage_reports r WHERE r.project_id = p.id AND r.reported_by <> \(bind: me))
                AND EXISTS (SELECT 1 FROM funds_arrivals f WHERE f.project_id = p.id AND f.reported_by <> \(bind: me))
                ORDER BY p.id LIMIT 1
                """)
            set(.project, .otherUnit, within(other))
            for variant in [RouteMatrix.Variant.own, .otherUnit] {
                guard var target = world.targets[RouteMatrix.Kind.project.rawValue]?[person.login]?[variant],
                    let id = UUID(uuidString: target.id)
                else { continue }
                target.report =
                    try await first("SELECT id FROM stage_reports WHERE project_id = \(bind: id) AND reported_by <> \(bind: me) LIMIT 1")
                    ?? target.report
                target.entry =
                    try await first("SELECT id FROM funds_arrivals WHERE project_id = \(bind: id) AND reported_by <> \(bind: me) LIMIT 1")
                    ?? target.entry
                set(.project, variant, target)
            }
            // leads put to a panel: their unit's, and another unit's (a member of the panel reads both)
            let member: AccessPolicy.Ties =
                try await first("SELECT id FROM review_panels WHERE members LIKE \(bind: "%" + me.uuidString + "%")") != nil
                ? .panelMember : []
            let reviewed = "id IN (SELECT lead_id FROM lead_reviews)"
            set(
                .lead, .own,
                within(
                    try await first(
                        "SELECT id FROM leads WHERE submitter_unit_id = \(bind: unit) AND \(unsafeRaw: scopeSQL) AND \(unsafeRaw: reviewed) LIMIT 1"
                    ),
                    member.union(.ownUnit)))
            set(
                .lead, .otherUnit,
                within(
                    try await first(
                        "SELECT id FROM leads WHERE submitter_unit_id <> \(bind: unit) AND \(unsafeRaw: scopeSQL) AND \(unsafeRaw: reviewed) LIMIT 1"
                    ),
                    member))
            // activities with an open next step: their own, and another unit's
            set(
                .activity, .own,
                within(
                    try await first(
                        "SELECT id FROM activities WHERE owner_id = \(bind: me) AND next_due IS NOT NULL AND next_done_on IS NULL LIMIT 1"),
                    .author))
            set(
                .activity, .otherUnit,
                within(
                    try await first(
                        "SELECT id FROM activities WHERE unit_id <> \(bind: unit) AND \(unsafeRaw: scopeSQL) AND next_due IS NOT NULL AND next_done_on IS NULL LIMIT 1"
                    )))
            // work orders: one their unit answers for, one neither they nor their unit has part in
            set(
                .workOrder, .own,
                within(
                    try await first(
                        "SELECT id FROM work_orders WHERE responsible_unit_id = \(bind: unit) AND \(unsafeRaw: scopeSQL) LIMIT 1"), .ownUnit
                ))
            set(
                .workOrder, .otherUnit,
                within(
                    try await first(
                        "SELECT id FROM work_orders WHERE (responsible_unit_id IS NULL OR responsible_unit_id <> \(bind: unit)) AND (requester_id IS NULL OR requester_id <> \(bind: me)) AND \(unsafeRaw: scopeSQL) LIMIT 1"
                    )))
            // the organisation: their own unit and self, and others of the jurisdiction
            set(.unit, .own, within(unit.uuidString, .ownUnit))
            set(
                .unit, .otherUnit,
                within(try await first("SELECT id FROM units WHERE id <> \(bind: unit) AND \(unsafeRaw: scopeSQL) LIMIT 1")))
            // themselves, of their own unit (their results are their unit's: `readUnitResults`)
            set(.person, .own, within(me.uuidString, .ownUnit))
            set(
                .person, .otherUnit,
                within(
                    try await first(
                        "SELECT p.id FROM persons p JOIN units u ON u.id = p.unit_id WHERE p.id <> \(bind: me) AND p.unit_id <> \(bind: unit) AND u.\(unsafeRaw: scopeSQL.replacingOccurrences(of: "AND ", with: "AND u.")) LIMIT 1"
                    )))
            set(
                .enterprise, .otherUnit,
                within(try await first("SELECT id FROM enterprises WHERE region_code >= \(bind: lo) AND region_code < \(bind: hi) LIMIT 1"))
            )
            // a park's profile: their own park (hosts), another park; a resident office's month
            let ownPark = try await first("SELECT id FROM units WHERE id = \(bind: unit) AND kind IN ('park', 'town')")
            set(.park, .own, within(ownPark, .ownUnit))
            set(
                .park, .otherUnit,
                within(
                    try await first("SELECT id FROM units WHERE id <> \(bind: unit) AND kind = 'park' AND \(unsafeRaw: scopeSQL) LIMIT 1")))
            set(
                .office, .otherUnit,
                within(try await first("SELECT id FROM units WHERE kind = 'residentOffice' AND \(unsafeRaw: scopeSQL) LIMIT 1")))
            set(.linkage, .otherUnit, within(try await first("SELECT id FROM linkages WHERE \(unsafeRaw: scopeSQL) LIMIT 1")))
            set(.routingRule, .otherUnit, within(try await first("SELECT id FROM routing_rules WHERE \(unsafeRaw: scopeSQL) LIMIT 1")))
            // API tokens: one of their own (not the one the client uses), another person's
            if person.roles.isDisjoint(with: [.enterprise, .observer]) {
                let token = APIToken()
                token.$person.id = me
                token.name = "matrix-target"
                token.tokenHash = Secrets.digest(UUID().uuidString)
                token.createdAt = 0
                try await token.create(on: app.db)
                set(.token, .own, .init(id: try token.requireID().uuidString, ties: .withinJurisdiction))
            }
            set(.token, .otherUnit, foreignToken.map { .init(id: $0, ties: .withinJurisdiction) })
        }
        try await issueFirstBulletins(app, people: world.people)
        return world
    }

    /// Every jurisdiction the twelve work in has its 2026年第1期 (`:year/:number` names a bulletin of
    /// the reader's own): the demo city's is issued; a district's is issued here from a ranking of none.
    static func issueFirstBulletins(_ app: Application, people: [RouteMatrixTests.Person]) async throws {
        let january = RankingPeriod(year: 2026, month: 1)!
        guard let by = people.last(where: { $0.roles.contains(.bureau) })?.id else { return }
        for scope in Set(people.map(\.scope.value)) {
            guard try await BulletinService.read(scope: scope, year: 2026, number: 1, on: app.db) == nil else { continue }
            let none = RankingService.Ranking(period: january, through: january.through, formula: .standard, formulaVersion: 0, lines: [])
            _ = try await RankingService.store(none, scope: scope, by: by, actor: .system("test"), at: 0, on: app.db)
            _ = try await BulletinService.store(
                january, scope: scope, issuer: "测试招商局", on: CivilDate(year: 2026, month: 2, day: 6)!, by: by, actor: .system("test"), at: 0,
                satisfaction: nil, on: app.db)
        }
    }
}
