import Domain
import Fluent
import FluentSQL
import Testing
import Vapor
import VaporTesting

@testable import App

/// The lead list reads its page in the order of an index, whatever the size of the
/// jurisdiction: the plan has no sort of its own, and the page holds what counting every lead says.
@Suite("线索列表：按索引顺序读取")
struct LeadListTests {
    static func user(_ login: String, on db: any Database) async throws -> CurrentUser {
        let person = try #require(try await App.Person.query(on: db).filter(\.$login == login).with(\.$unit).first())
        return CurrentUser(
            personID: try person.requireID(), login: login, name: person.name, unitID: person.$unit.id, unitName: person.unit.name,
            roles: person.roles, scope: try JurisdictionCode(person.unit.jurisdictionCode), csrfToken: nil)
    }

    @Test func aPageIsReadInIndexOrderAndHoldsTheNewestLeads() async throws {
        try await withApp { app, clock in
            // a few days of leads by the cadre (a unit's own list) seen by the bureau (the jurisdiction's)
            for (index, name) in ["湖北伟德线路板有限公司", "荆门精密模具有限公司", "东宝新材料有限公司"].enumerated() {
                // a day apart: a new session each day
                let cadre = Browser(app)
                try await cadre.login("cadre")
                _ = try await cadre.get("/leads/new")
                let form = LeadTests.weide.map { $0.0 == "enterpriseName" ? ($0.0, name) : $0 }
                #expect(try await cadre.post("/leads", form).status == .seeOther, "lead \(index)")
                clock.advance(seconds: 86_400)
            }
            let today = CivilDate("2026-11-24")!
            for login in ["bureau", "cadre"] {
                let user = try await Self.user(login, on: app.db)
                let rows = try await LeadList.rows(for: user, filter: .init(), today: today, on: app.db)
                // newest first, as counting and sorting every lead says
                let all = try await Lead.query(on: app.db).all().sorted { $0.submittedOn > $1.submittedOn }
                #expect(rows.map(\.enterpriseName) == all.map(\.enterpriseName), "\(login)")
                guard app.databaseEngine == .sqlite else { continue }
                let plan = try await app.db.sql.raw("EXPLAIN QUERY PLAN " + LeadList.query(for: user, filter: .init(), today: today))
                    .all().map { try $0.decode(column: "detail", as: String.self) }
                #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(login): \(plan)")
                #expect(plan.contains { $0.contains(login == "bureau" ? "leads_newest" : "leads_unit_newest") }, "\(login): \(plan)")
            }
        }
    }

    @Test func theProjectsOfTheAPIAreReadInIndexOrder() async throws {
        try await withApp { app, _ in
            let (project, _) = try await ProjectTests.accepted(app)
            let user = try await Self.user("bureau", on: app.db)
            let items = try await ProjectBoard.list(user, .init(), stage: nil, paging: .init(per: 80), on: app.db)
            #expect(items.map(\.id) == [project.id])
            let ofStage = try await ProjectBoard.list(user, .init(), stage: .negotiating, paging: .init(per: 80), on: app.db)
            #expect(ofStage.map(\.id) == [project.id])
            #expect(try await ProjectBoard.list(user, .init(), stage: .signed, paging: .init(), on: app.db).isEmpty)
            guard app.databaseEngine == .sqlite else { return }
            for (stage, index) in [(nil, "projects_newest"), (ProjectStage.signed, "projects_stage_newest")] {
                let query = ProjectBoard.listQuery(user, .init(), stage: stage, paging: .init(per: 80))
                let plan = try await app.db.sql.raw("EXPLAIN QUERY PLAN " + query).all().map {
                    try $0.decode(column: "detail", as: String.self)
                }
                #expect(!plan.contains { $0.contains("TEMP B-TREE") } && plan.contains { $0.contains(index) }, "\(plan)")
            }
        }
    }
}
