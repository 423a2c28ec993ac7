import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

/// The inbox: notices from steps and from the scan, each written once however many scans run.
@Suite("消息提醒")
struct NoticeTests {
    @Test func stepsAndDeadlinesReachTheRightPeopleOnce() async throws {
        try await withApp { app, clock in
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await cadre.get("/work-orders/new")
            _ = try await cadre.post("/work-orders", [("kind", "enterpriseDemand"), ("title", "招工难"), ("detail", "一周内需 214 人")])
            let id = try #require(try await WorkOrder.query(on: app.db).first()?.id)
            let officer = try await Fixture.cadre("renshe", unit: "东宝区人力资源和社会保障局", on: app.db)
            let unit = try #require(try await Person.find(officer, on: app.db)).$unit.id
            let bureau = Browser(app)
            try await bureau.login("bureau")
            _ = try await bureau.get("/work-orders/\(id)")
            _ = try await bureau.post("/work-orders/\(id)/steps", [("version", "1"), ("step", "route"), ("unit", unit.uuidString)])
            let assigned = try await Notice.query(on: app.db).filter(\.$personID == officer).all()
            #expect(assigned.map(\.kind) == ["route"] && assigned[0].text.contains("请于 2026-11-27 前答复"))

            // Wednesday 11-25 is two working days before the deadline: one reminder, however often the scan runs
            let leader = try await Fixture.id(of: "leader", on: app.db)
            clock.advance(seconds: 4 * 86_400)
            for _ in 0..<2 {
                try await NoticeScan.run(on: app.db, today: app.clock.today, millis: app.clock.millis)
            }
            #expect(try await Notice.query(on: app.db).filter(\.$personID == officer).filter(\.$kind == "deadline").count() == 1)
            // Wednesday 12-02, three working days overdue: the unit and the leaders hear of it, once, with two nodes scanning
            clock.advance(seconds: 7 * 86_400)
            let (today, millis) = (app.clock.today, app.clock.millis)
            async let first = NoticeScan.run(on: app.db, today: today, millis: millis)
            async let second = NoticeScan.run(on: app.db, today: today, millis: millis)
            let outcomes = try await [first, second]
            #expect(outcomes.map(\.escalations).reduce(0, +) == 1)
            // the steps taken are on the timeline with the day they were taken, once each
            let steps = try await WorkOrderEvent.query(on: app.db).filter(\.$workOrderID == id).sort(\.$sequence).all()
            #expect(
                steps.filter { $0.step == "unitHead" || $0.step == "leader" }.map { "\($0.step) \($0.onDate)" } == [
                    "unitHead 2026-12-02", "leader 2026-12-02",
                ])
            #expect(try await WorkOrder.find(id, on: app.db)?.escalation == .leader)
            #expect(try await NoticeScan.run(on: app.db, today: today, millis: millis) == .init(examined: 1, reminders: 0, escalations: 0))
            #expect(try await Notice.query(on: app.db).filter(\.$personID == officer).filter(\.$kind == "unitHead").count() == 1)
            #expect(try await Notice.query(on: app.db).filter(\.$personID == leader).filter(\.$kind == "leader").count() == 1)
            #expect(try await Notice.query(on: app.db).filter(\.$kind == "bulletin").count() == 0)

            // the answer reaches the requester's inbox; reading marks it read
            let department = Browser(app)
            try await department.login("renshe")
            _ = try await department.post("/work-orders/\(id)/steps", [("version", "2"), ("step", "signFor")])
            _ = try await department.post("/work-orders/\(id)/steps", [("version", "3"), ("step", "answer"), ("note", "已招录 214 人")])
            try await cadre.login("cadre")
            let inbox = try await cadre.get("/inbox").body.string
            #expect(inbox.contains("已答复，请确认办理结果") && inbox.contains("未读"))
            #expect(try await cadre.post("/inbox/read", []).status == .seeOther)
            #expect(!(try await cadre.get("/inbox").body.string.contains("未读")))
        }
    }
}
