import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite("走访活动与待办")
struct ActivityTests {
    static func visit(_ project: UUID? = nil, date: String = "2026-11-20", next: String = "", due: String = "") -> [(String, String)] {
        [
            ("kind", "enterpriseVisit"), ("occurredOn", date), ("city", "深圳"), ("counterpart", project == nil ? "深圳市华强电子有限公司" : ""),
            ("participants", "测试cadre、驻深工作队"), ("outcome", "企业确认扩产意向，拟在东宝布局高多层板产线"), ("nextStep", next), ("nextDue", due),
            ("project", project?.uuidString ?? ""),
        ]
    }

    @Test func aVisitOnAProjectKeepsItOffTheStallList() async throws {
        try await withApp { app, _ in
            let (project, w) = try await ProjectTests.accepted(app)
            try await ProjectTests.backdate(project, to: "2026-06-01", on: app.db)
            #expect(try await w.bureau.get("/projects").body.string.contains("天无进展"))
            let cadre = Browser(app)
            try await cadre.login("cadre")
            #expect(try await cadre.get("/activities/new?project=\(project.id!)").body.string.contains("湖北伟德线路板有限公司"))
            let response = try await cadre.post("/activities", Self.visit(project.id!, next: "报送项目可研报告", due: "2026-11-27"))
            #expect(response.status == .seeOther)
            #expect(try await Project.find(project.id!, on: app.db)?.lastActivityOn == "2026-11-20")
            let page = try await cadre.get("/projects/\(project.id!)").body.string
            #expect(page.contains("走访企业 · 深圳") && page.contains("下一步：报送项目可研报告"))
            #expect(!(try await w.bureau.get("/projects").body.string.contains("天无进展")))
            let activity = try #require(try await Activity.query(on: app.db).first())
            #expect(activity.counterpart == "湖北伟德线路板有限公司" && activity.enterpriseID != nil)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "activity.record").count() == 1)
        }
    }

    @Test func badActivitiesAreExplainedAndNothingIsSaved() async throws {
        try await withApp { app, _ in
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await cadre.get("/activities/new")
            let noDue = try await cadre.post("/activities", Self.visit(next: "再次拜访"))
            #expect(noDue.status == .unprocessableEntity)
            #expect(noDue.body.string.contains("有下一步时请填写完成期限"))
            #expect(noDue.body.string.contains("深圳市华强电子有限公司"))  // what was typed is kept
            #expect(try await cadre.post("/activities", Self.visit(date: "2026-11-22")).body.string.contains("日期不能晚于今天"))
            #expect(try await cadre.post("/activities", Self.visit(next: "再次拜访", due: "2026-11-01")).body.string.contains("期限不能早于活动日期"))
            var noOutcome = Self.visit()
            noOutcome[6] = ("outcome", " ")
            #expect(try await cadre.post("/activities", noOutcome).body.string.contains("请填写洽谈成果"))
            #expect(try await Activity.query(on: app.db).count() == 0)
        }
    }

    @Test func nextStepsAreTheOwnersToDosUntilDone() async throws {
        try await withApp { app, clock in
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await cadre.get("/activities/new")
            #expect(try await cadre.post("/activities", Self.visit(next: "寄送园区推介材料", due: "2026-11-23")).status == .seeOther)
            var todos = try await cadre.get("/todos").body.string
            #expect(todos.contains("寄送园区推介材料") && todos.contains("其中逾期 0 项"))
            clock.advance(seconds: 3 * 86_400)  // Tuesday 2026-11-24: the step is late (and the session long expired)
            try await cadre.login("cadre")
            todos = try await cadre.get("/todos").body.string
            #expect(todos.contains("其中逾期 1 项"))
            let id = try #require(try await Activity.query(on: app.db).first()?.id)
            // only the owner closes it
            let other = Browser(app)
            try await other.login("bureau")
            _ = try await other.get("/todos")
            #expect(try await other.post("/activities/\(id)/done", []).status == .notFound)
            #expect(try await cadre.post("/activities/\(id)/done", []).status == .seeOther)
            #expect(try await cadre.get("/todos").body.string.contains("没有待办事项"))
            #expect(try await Activity.find(id, on: app.db)?.nextDoneOn == "2026-11-24")
        }
    }

    @Test func aUnitSeesItsOwnActivitiesAndTheBureauSeesAll() async throws {
        try await withApp { app, _ in
            _ = try await Fixture.cadre("park-cadre", unit: "东宝工业园", on: app.db)
            let park = Browser(app)
            try await park.login("park-cadre")
            _ = try await park.get("/activities/new")
            #expect(try await park.post("/activities", Self.visit()).status == .seeOther)
            let cadre = Browser(app)
            try await cadre.login("cadre")
            #expect(!(try await cadre.get("/activities").body.string.contains("深圳市华强电子有限公司")))
            let bureau = Browser(app)
            try await bureau.login("bureau")
            #expect(try await bureau.get("/activities").body.string.contains("深圳市华强电子有限公司"))
            // a project of another jurisdiction cannot be linked
            let (project, _) = try await ProjectTests.accepted(app)
            #expect(try await park.post("/activities", Self.visit(project.id!)).status == .notFound)
            let observer = Browser(app)
            try await observer.login("observer")
            #expect(try await observer.get("/activities").status == .forbidden)
        }
    }

    @Test func theAPIRecordsListsAndClosesActivities() async throws {
        try await withApp { app, _ in
            let api = try await APIClient.issue(app, login: "cadre")
            let future = #"{"kind":"enterpriseVisit","occurredOn":"2026-12-01","city":"深圳","outcome":"洽谈"}"#
            let refused = try await api.send(.POST, "/api/v1/activities", json: future)
            #expect(refused.status == .unprocessableEntity)
            #expect((refused.json["fields"] as? [String: String])?["occurredOn"] != nil)
            let body =
                #"{"kind":"chamberVisit","occurredOn":"2026-11-20","city":"深圳","counterpart":"深圳市湖北商会","outcome":"商会推荐三家线路板企业","nextStep":"逐一电话联系","nextDue":"2026-11-25"}"#
            let created = try await api.send(.POST, "/api/v1/activities", json: body)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            let list = try await api.send(.GET, "/api/v1/activities?kind=chamberVisit")
            #expect((list.json["items"] as? [[String: Any]])?.first?["counterpart"] as? String == "深圳市湖北商会")
            #expect(try await api.send(.GET, "/api/v1/activities?kind=dinner").status == .badRequest)
            #expect(try await api.send(.POST, "/api/v1/activities/\(id)/done").status == .noContent)
            #expect(try await Activity.find(UUID(uuidString: id)!, on: app.db)?.nextDoneOn == "2026-11-21")
        }
    }
}
