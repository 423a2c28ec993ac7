import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

/// Work orders through HTTP: an enterprise's one-time link, routing, 签收, answering, reopening,
/// confirmation, lateness and the accountability board.
@Suite("闭环工单")
struct WorkOrderTests {
    /// The bureau issues a link for an enterprise; returns the link's path.
    static func link(_ bureau: Browser, _ enterprise: String = "湖北伟德线路板有限公司") async throws -> String {
        _ = try await bureau.get("/work-orders/links")
        let page = try await bureau.post("/work-orders/links", [("enterpriseName", enterprise)]).body.string
        let start = try #require(page.range(of: "/d/"))
        return String(page[start.lowerBound...].prefix { $0 != "<" })
    }

    static func version(_ id: UUID, _ app: Application) async throws -> String {
        String(try #require(try await WorkOrder.find(id, on: app.db)).version)
    }

    @Test func anEnterpriseDemandGoesRoundTheLoop() async throws {
        try await withApp { app, _ in
            let bureau = Browser(app)
            try await bureau.login("bureau")
            let path = try await Self.link(bureau)
            #expect(try await DemandLink.query(on: app.db).first()?.tokenHash.contains(path.dropFirst(3)) == false)

            // the enterprise, without an account
            let enterprise = Browser(app)
            #expect(try await enterprise.get(path).body.string.contains("企业诉求直通车"))
            let form = [("kind", "enterpriseDemand"), ("title", "厂房消防验收迟迟未办"), ("detail", "已提交材料两个月，请协调住建部门。")]
            #expect(try await enterprise.post(path, form).status == .seeOther)
            let again = try await enterprise.post(path, form)
            #expect(again.status == .gone && again.body.string.contains("已提交过一次诉求"))
            let order = try #require(try await WorkOrder.query(on: app.db).first())
            let id = try order.requireID()
            #expect(try await WorkOrder.query(on: app.db).count() == 1)
            // submitted Saturday 2026-11-21: five working days end on Friday 11-27
            #expect(order.status == .submitted && order.deadline == "2026-11-27" && order.number == "GD-2026-000001")

            // the bureau routes it to the department, which signs for it and answers
            let department = try await Fixture.cadre("zhujian", unit: "东宝区住房和城乡建设局", on: app.db)
            let unit = try #require(try await Person.find(department, on: app.db)).$unit.id
            _ = try await bureau.get("/work-orders/\(id)")
            let routed = try await bureau.post(
                "/work-orders/\(id)/steps", [("version", try await Self.version(id, app)), ("step", "route"), ("unit", unit.uuidString)])
            #expect(routed.status == .seeOther)
            let officer = Browser(app)
            try await officer.login("zhujian")
            #expect(try await officer.get("/work-orders?view=todo").body.string.contains("厂房消防验收迟迟未办"))
            for step in ["signFor", "start"] {
                #expect(
                    try await officer.post("/work-orders/\(id)/steps", [("version", try await Self.version(id, app)), ("step", step)])
                        .status
                        == .seeOther)
            }
            let answer = [("step", "answer"), ("note", "已约定 11 月 25 日现场验收。"), ("evidence", "")]
            #expect(
                try await officer.post("/work-orders/\(id)/steps", [("version", try await Self.version(id, app))] + answer).status
                    == .seeOther)

            // the enterprise is not satisfied: reopened, answered again, then confirmed
            var page = try await enterprise.get(path).body.string
            #expect(page.contains("已答复待确认") && page.contains("已约定 11 月 25 日现场验收"))
            let reopen = [("version", try await Self.version(id, app)), ("satisfied", "0"), ("note", "验收仍未安排。")]
            #expect(try await enterprise.post(path + "/confirm", reopen).status == .seeOther)
            #expect(try await WorkOrder.find(id, on: app.db)?.status == .inProgress)
            let second = [("step", "answer"), ("note", "已于 11 月 26 日完成验收。"), ("evidence", "验收意见书")]
            #expect(
                try await officer.post("/work-orders/\(id)/steps", [("version", try await Self.version(id, app))] + second).status
                    == .seeOther)
            #expect(
                try await enterprise.post(path + "/confirm", [("version", try await Self.version(id, app)), ("satisfied", "1")]).status
                    == .seeOther)
            let closed = try #require(try await WorkOrder.find(id, on: app.db))
            #expect(closed.status == .closed && closed.reopenCount == 1 && closed.satisfied == true && closed.daysToClose == 0)
            page = try await bureau.get("/work-orders/\(id)").body.string
            #expect(page.contains("退回重办") && page.contains("验收仍未安排") && page.contains("已办结（重办 1 次）"))

            // the board: one closed, one reopening of two verdicts → 50.0% satisfied, 100.0% reopened
            let board = try await bureau.get("/work-orders/board").body.string
            #expect(board.contains("东宝区住房和城乡建设局") && board.contains("50.0%") && board.contains("100.0%"))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action ~~ ["workorder.reopen", "workorder.confirm"]).count() == 2)
        }
    }

    @Test func stepsAreTheirOwnersAndBadStepsAreRefused() async throws {
        try await withApp { app, _ in
            let bureau = Browser(app)
            try await bureau.login("bureau")
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await cadre.get("/work-orders/new")
            let missing = try await cadre.post("/work-orders", [("kind", "complaint"), ("title", ""), ("detail", "")])
            #expect(missing.status == .unprocessableEntity && missing.body.string.contains("请填写事项标题"))
            let factorless = try await cadre.post("/work-orders", [("kind", "factorRequest"), ("title", "能耗指标"), ("detail", "需 26.7万吨标煤")])
            #expect(factorless.body.string.contains("要素保障须关联项目"))
            #expect(
                try await cadre.post("/work-orders", [("kind", "complaint"), ("title", "执法检查过多"), ("detail", "一个月内检查五次。")]).status
                    == .seeOther)
            let id = try #require(try await WorkOrder.query(on: app.db).first()?.id)

            // routing outside the jurisdiction, or by a cadre, is refused
            let anqing = try #require(try await Unit.query(on: app.db).filter(\.$name == "安庆市投资促进局").first()?.id)
            _ = try await bureau.get("/work-orders/\(id)")
            let foreign = try await bureau.post(
                "/work-orders/\(id)/steps", [("version", "1"), ("step", "route"), ("unit", anqing.uuidString)])
            #expect(foreign.status == .unprocessableEntity && foreign.body.string.contains("本辖区内的责任单位"))
            let officerID = try await Fixture.cadre("shichang", unit: "东宝区市场监督管理局", on: app.db)
            let unit = try #require(try await Person.find(officerID, on: app.db)).$unit.id
            #expect(
                try await cadre.post("/work-orders/\(id)/steps", [("version", "1"), ("step", "route"), ("unit", unit.uuidString)]).status
                    == .forbidden)
            #expect(
                try await bureau.post("/work-orders/\(id)/steps", [("version", "1"), ("step", "route"), ("unit", unit.uuidString)]).status
                    == .seeOther)
            // a stale form is a conflict; only the responsible unit signs for; steps go in order
            #expect(
                try await bureau.post("/work-orders/\(id)/steps", [("version", "1"), ("step", "route"), ("unit", unit.uuidString)]).status
                    == .conflict)
            #expect(try await cadre.post("/work-orders/\(id)/steps", [("version", "2"), ("step", "signFor")]).status == .forbidden)
            let officer = Browser(app)
            try await officer.login("shichang")
            _ = try await officer.get("/work-orders/\(id)")
            let early = try await officer.post("/work-orders/\(id)/steps", [("version", "2"), ("step", "answer"), ("note", "已处理")])
            #expect(early.status == .conflict && early.body.string.contains("不能答复"))
            #expect(try await officer.post("/work-orders/\(id)/steps", [("version", "2"), ("step", "signFor")]).status == .seeOther)
            // a complaint's answer needs evidence; only the requester confirms
            let bare = try await officer.post("/work-orders/\(id)/steps", [("version", "3"), ("step", "answer"), ("note", "已约谈执法队")])
            #expect(bare.status == .unprocessableEntity && bare.body.string.contains("须附办理佐证"))
            #expect(
                try await officer.post(
                    "/work-orders/\(id)/steps", [("version", "3"), ("step", "answer"), ("note", "已约谈执法队"), ("evidence", "约谈记录 2026-11-21")]
                ).status == .seeOther)
            #expect(try await bureau.post("/work-orders/\(id)/steps", [("version", "4"), ("step", "confirm")]).status == .forbidden)
            #expect(try await cadre.post("/work-orders/\(id)/steps", [("version", "4"), ("step", "confirm")]).status == .seeOther)
            // another jurisdiction does not see it
            let stranger = Browser(app)
            try await stranger.login("anqing-bureau")
            #expect(try await stranger.get("/work-orders/\(id)").status == .notFound)
        }
    }

    @Test func anAnswerAfterTheDeadlineStaysLateAndOverdueItemsEscalate() async throws {
        try await withApp { app, clock in
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await cadre.get("/work-orders/new")
            #expect(
                try await cadre.post("/work-orders", [("kind", "enterpriseDemand"), ("title", "招工难"), ("detail", "一周内需 214 人")]).status
                    == .seeOther)
            let id = try #require(try await WorkOrder.query(on: app.db).first()?.id)
            let officerID = try await Fixture.cadre("renshe", unit: "东宝区人力资源和社会保障局", on: app.db)
            let unit = try #require(try await Person.find(officerID, on: app.db)).$unit.id
            let bureau = Browser(app)
            try await bureau.login("bureau")
            _ = try await bureau.get("/work-orders/\(id)")
            _ = try await bureau.post("/work-orders/\(id)/steps", [("version", "1"), ("step", "route"), ("unit", unit.uuidString)])
            // deadline Friday 11-27; on Wednesday 12-02 it is three working days overdue: the leader's
            clock.advance(seconds: 11 * 86_400)
            try await bureau.login("bureau")
            let page = try await bureau.get("/work-orders/\(id)").body.string
            #expect(page.contains("已超过办理期限 2026-11-27") && page.contains("已报分管领导"))
            #expect(try await bureau.get("/work-orders?view=overdue").body.string.contains("招工难"))
            let officer = Browser(app)
            try await officer.login("renshe")
            _ = try await officer.get("/work-orders/\(id)")
            _ = try await officer.post("/work-orders/\(id)/steps", [("version", "2"), ("step", "signFor")])
            _ = try await officer.post(
                "/work-orders/\(id)/steps", [("version", "3"), ("step", "answer"), ("note", "一周内招录高校毕业生 214 人 [003]")])
            _ = try await cadre.login("cadre")
            _ = try await cadre.post("/work-orders/\(id)/steps", [("version", "4"), ("step", "confirm")])
            let closed = try #require(try await WorkOrder.find(id, on: app.db))
            #expect(closed.status == .closed && closed.answeredLate && closed.isLate(today: CivilDate("2027-01-01")!))
            let board = try await bureau.get("/work-orders/board").body.string
            #expect(board.contains("东宝区人力资源和社会保障局"))
            let user = try #require(try await Self.user(app, "bureau"))
            let line = try #require(try await WorkOrderList.board(user, today: CivilDate("2026-12-02")!, on: app.db).first)
            #expect(line.line.late == 1 && line.line.overdue == 0 && line.line.closed == 1 && line.line.averageDaysToCloseTenths == 110)
        }
    }

    @Test func theAPIRunsTheSameLoop() async throws {
        try await withApp { app, _ in
            let cadre = try await APIClient.issue(app, login: "cadre")
            let bureau = try await APIClient.issue(app, login: "bureau")
            let created = try await cadre.send(
                .POST, "/api/v1/work-orders", json: #"{"kind":"observerReport","title":"窗口午间无人值守","detail":"政务大厅 12:00 后无人。"}"#)
            #expect(created.status == .created)
            let order = try #require(created.json["workOrder"] as? [String: Any])
            let id = try #require(order["id"] as? String)
            #expect(order["deadline"] as? String == "2026-11-27" && created.json["escalation"] as? String == "none")
            let bad = try await bureau.send(.POST, "/api/v1/work-orders/\(id)/steps", json: #"{"version":1,"step":"close"}"#)
            #expect(bad.status == .unprocessableEntity)
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$name == "荆门市招商局").first()?.id)
            let routed = try await bureau.send(
                .POST, "/api/v1/work-orders/\(id)/steps", json: #"{"version":1,"step":"route","unitID":"\#(unit.uuidString)"}"#)
            #expect((routed.json["workOrder"] as? [String: Any])?["status"] as? String == "routed")
            let mine = try await cadre.send(.GET, "/api/v1/work-orders?view=mine")
            #expect((mine.json["items"] as? [[String: Any]])?.first?["number"] as? String == "GD-2026-000001")
            #expect(try await cadre.send(.GET, "/api/v1/work-orders?view=everything").status == .unprocessableEntity)
            let board = try await bureau.send(.GET, "/api/v1/work-orders/board")
            #expect(board.status == .ok && board.body.string.contains("荆门市招商局"))
        }
    }

    static func user(_ app: Application, _ login: String) async throws -> CurrentUser? {
        guard let person = try await Person.query(on: app.db).filter(\.$login == login).with(\.$unit).first() else { return nil }
        return CurrentUser(
            personID: try person.requireID(), login: login, name: person.name, unitID: try person.unit.requireID(),
            unitName: person.unit.name,
            roles: Set(person.roles), scope: try JurisdictionCode(person.unit.jurisdictionCode), csrfToken: nil)
    }
}
