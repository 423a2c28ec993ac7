import Domain
import Fluent
import Spreadsheet
import Testing
import Vapor
import VaporTesting

@testable import App

/// 包联 through HTTP: the bureau links a leader to an enterprise; the page reads the leader's
/// activities and says who is behind this month and this quarter.
@Suite("领导包联")
struct LinkageTests {
    static func contact(_ app: Application, _ leader: UUID, _ kind: ActivityKind, on day: String, with name: String) async throws {
        let person = try #require(try await Person.find(leader, on: app.db))
        let activity = Activity()
        activity.id = UUID()
        (activity.kind, activity.occurredOn, activity.city, activity.participants) = (kind, day, "本市", "")
        (activity.counterpart, activity.counterpartKey) = (name, NameNormalizer.key(for: name))
        (activity.outcome, activity.nextStep, activity.ownerID, activity.unitID) = ("了解生产经营情况", "", leader, person.$unit.id)
        activity.jurisdictionCode = Fixture.jingmen
        try await activity.create(on: app.db)
    }

    @Test func aLeaderWithoutAFebruaryContactIsBehindForFebruary() async throws {
        try await withApp { app, _ in
            let bureau = Browser(app)
            try await bureau.login("bureau")
            let leader = try await Fixture.id(of: "leader", on: app.db)
            _ = try await bureau.get("/linkage")
            let bad = try await bureau.post("/linkage", [("leader", UUID().uuidString), ("enterpriseName", "湖北伟德线路板有限公司")])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("请选择本辖区的领导"))
            #expect(
                try await bureau.post("/linkage", [("leader", leader.uuidString), ("enterpriseName", "湖北伟德线路板有限公司")]).status == .seeOther)
            // [002]: a contact every month, an on-site office every quarter; January and March, not February
            try await Self.contact(app, leader, .call, on: "2026-01-12", with: "湖北伟德线路板有限公司")
            try await Self.contact(app, leader, .onSiteOffice, on: "2026-03-03", with: "湖北伟德线路板有限公司（筹）")
            var page = try await bureau.get("/linkage?month=2026-02").body.string
            #expect(page.contains("本月尚缺联系 1 次") && !page.contains("本季度尚缺现场办公") && page.contains("1 位领导有 1 个落后"))
            page = try await bureau.get("/linkage?month=2026-03").body.string
            #expect(page.contains("按要求") && page.contains("0 位领导有 0 个落后"))
            // the second quarter: contacts every month but no on-site office — pending in April, behind in June
            for day in ["2026-04-08", "2026-05-11", "2026-06-02"] {
                try await Self.contact(app, leader, .call, on: day, with: "湖北伟德线路板有限公司")
            }
            page = try await bureau.get("/linkage?month=2026-04").body.string
            #expect(page.contains("本季度现场办公待安排") && !page.contains("尚缺"))
            page = try await bureau.get("/linkage?month=2026-06").body.string
            #expect(page.contains("本季度尚缺现场办公 1 次") && !page.contains("本月尚缺联系") && page.contains("1 位领导有 1 个落后"))
            // the month exported as the page states it, counts as numbers; February's shortfall in the API's export
            #expect(page.contains("format=xlsx"))
            let june = try ExportTests.workbook(try await bureau.get("/linkage?month=2026-06&format=xlsx")).rows
            #expect(june[0].cells.count == 5 && june.count == 2)
            #expect(june[1][1] == .text("湖北伟德线路板有限公司") && june[1][2] == .number(1, isDate: false))
            #expect(june[1][3] == .number(0, isDate: false) && june[1][4] == .text("本季度尚缺现场办公 1 次"))
            let leaderAPI = try await APIClient.issue(app, login: "leader")
            let csv = try await leaderAPI.send(.GET, "/api/v1/linkage?month=2026-02", headers: ["Accept": "text/csv"]).body.string
            #expect(csv.contains("湖北伟德线路板有限公司,0,0,本月尚缺联系 1 次"))
            // from the 20th the leader behind is reminded, once a month per link however often the scan runs
            for _ in 0..<2 { try await NoticeScan.remindLinkage(on: app.db, today: CivilDate("2026-06-22")!, millis: 1) }
            try await NoticeScan.remindLinkage(on: app.db, today: CivilDate("2026-05-19")!, millis: 1)
            let reminders = try await Notice.query(on: app.db).filter(\.$personID == leader).filter(\.$kind == "linkage").all()
            #expect(reminders.map(\.text) == ["包联企业 湖北伟德线路板有限公司：本季度尚未现场办公（2026-06）。"])
            // the same through the API, for the leader: February behind, and the reminder in the notices
            let api = try await APIClient.issue(app, login: "leader")
            let february = try await api.send(.GET, "/api/v1/linkage?month=2026-02")
            #expect(february.body.string.contains(#""contactsShort":1"#) && february.body.string.contains(#""behind":true"#))
            #expect(try await api.send(.GET, "/api/v1/notices").body.string.contains("本季度尚未现场办公"))
            // a cadre may not see the page; a bad month is a clear error
            let cadre = Browser(app)
            try await cadre.login("cadre")
            #expect(try await cadre.get("/linkage").status == .forbidden)
            #expect(try await bureau.get("/linkage?month=2026-13").status == .unprocessableEntity)
            // unlinking keeps the record and is audited
            let link = try #require(try await Linkage.query(on: app.db).first())
            #expect(try await bureau.post("/linkage/\(link.id!)/end", []).status == .seeOther)
            #expect(try await Linkage.find(link.id, on: app.db)?.endedOn != nil)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action ~~ ["linkage.add", "linkage.end"]).count() == 2)
        }
    }
}
