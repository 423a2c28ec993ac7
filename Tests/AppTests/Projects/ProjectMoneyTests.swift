import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

/// The funds-arrival ledger, the rate table, the host's answer and the board.
@Suite("项目：到位资金、汇率、承接与看板")
struct ProjectMoneyTests {
    /// An accepted project signed on 2026-03-02 for 29.14亿元 [004], reported by the cadre.
    static func signed(_ app: Application) async throws -> (UUID, ProjectTests.World, Browser) {
        let (project, w) = try await ProjectTests.accepted(app)
        try await ProjectTests.backdate(project, to: "2026-01-05", on: app.db)
        let cadre = Browser(app)
        try await cadre.login("cadre")
        _ = try await cadre.get("/projects/\(project.id!)")
        #expect(
            try await ProjectTests.report(cadre, project.id!, to: "signed", on: "2026-03-02", contract: "29.14亿", app: app).status
                == .seeOther)
        return (project.id!, w, cadre)
    }

    static func funds(_ browser: Browser, _ id: UUID, _ date: String, _ amount: String, _ currency: String = "CNY") async throws
        -> TestingHTTPResponse
    {
        try await browser.post(
            "/projects/\(id)/funds", [("arrivedOn", date), ("amount", amount), ("currency", currency), ("evidence", "进账单 0318")])
    }

    @Test func fundsInCNYAndUSDTotalAtTheMonthsRate() async throws {
        try await withApp { app, _ in
            let (id, w, cadre) = try await Self.signed(app)
            // [004] 4.389亿元 arrived; [003] 310万美元 of foreign capital in the first quarter
            #expect(try await Self.funds(cadre, id, "2026-03-20", "4.389亿").status == .seeOther)
            #expect(try await Self.funds(cadre, id, "2026-03-31", "310万", "USD").status == .seeOther)
            var page = try await w.bureau.get("/projects/\(id)").body.string
            #expect(page.contains("缺汇率：USD 2026-03"))
            _ = try await w.bureau.get("/rates")
            #expect(try await w.bureau.post("/rates", [("currency", "USD"), ("month", "2026-03"), ("rate", "7.0982")]).status == .seeOther)
            page = try await w.bureau.get("/projects/\(id)").body.string
            // 4.389亿 + 310万美元 × 7.0982 = 43,890万 + 2,200.442万 = 4.609044亿 → 4.609亿元 shown to the 万
            #expect(page.contains("已核验 0元（另有待核验 4.609亿元）"))
            #expect(page.contains("外币原值 310万美元"))
            let entries = try await FundsArrival.query(on: app.db).sort(\.$arrivedOn).all()
            #expect(entries.map(\.isForeign) == [false, true])
            for entry in entries {
                #expect(try await w.bureau.post("/projects/\(id)/funds/verify", [("entry", entry.id!.uuidString)]).status == .seeOther)
            }
            page = try await w.bureau.get("/projects/\(id)").body.string
            #expect(page.contains("已核验 4.609亿元") && !page.contains("另有待核验 4.609亿元"))
        }
    }

    @Test func badFundsAreRefusedAndNothingIsWritten() async throws {
        try await withApp { app, _ in
            let (id, w, cadre) = try await Self.signed(app)
            #expect(try await Self.funds(cadre, id, "2026-03-20", "-5万").status == .unprocessableEntity)
            let absurd = try await Self.funds(cadre, id, "2026-03-20", "20000亿")
            #expect(absurd.body.string.contains("金额超出范围（上限 1万亿元）"))
            #expect(try await Self.funds(cadre, id, "2026-03-01", "100万").body.string.contains("到位日期不能早于签约日期"))
            #expect(try await Self.funds(cadre, id, "2026-11-22", "100万").body.string.contains("到位日期不能晚于今天"))
            #expect(try await Self.funds(cadre, id, "", "abc").status == .unprocessableEntity)
            // nobody verifies their own entry, not even the bureau
            #expect(try await Self.funds(w.bureau, id, "2026-04-01", "500万").status == .seeOther)
            let own = try #require(try await FundsArrival.query(on: app.db).first())
            let refused = try await w.bureau.post("/projects/\(id)/funds/verify", [("entry", own.id!.uuidString)])
            #expect(refused.status == .forbidden)
            #expect(
                try await ProjectTests.report(cadre, id, to: "terminated", on: "2026-11-21", reason: "企业迁址", app: app).status == .seeOther)
            let terminated = try await Self.funds(w.bureau, id, "2026-04-02", "100万")
            #expect(terminated.status == .conflict)
            #expect(terminated.body.string.contains("项目已终止"))
            #expect(try await FundsArrival.query(on: app.db).count() == 1)
        }
    }

    @Test func aDeclinedHostGoesToTheBureauWhichNamesAnother() async throws {
        try await withApp { app, _ in
            let (project, w) = try await ProjectTests.accepted(app)
            let id = project.id!
            let host = Browser(app)
            try await host.login("park-host")
            #expect(try await host.get("/projects/\(id)").body.string.contains("承接答复"))
            let silent = try await host.post("/projects/\(id)/host", [("version", String(project.version)), ("answer", "decline")])
            #expect(silent.body.string.contains("不承接须说明理由"))
            let declined = try await host.post(
                "/projects/\(id)/host", [("version", String(project.version)), ("answer", "decline"), ("reason", "园区用地指标已用完")])
            #expect(declined.status == .seeOther)
            let board = try await w.bureau.get("/projects").body.string
            #expect(board.contains("需要关注") && board.contains("承接单位不承接"))
            let other = try await Fixture.unit("子陵铺镇", .town, Fixture.jingmen, on: app.db)
            let version = try #require(try await Project.find(id, on: app.db)).version
            let reassigned = try await w.bureau.post(
                "/projects/\(id)/host/reassign", [("version", String(version)), ("hostUnit", other.uuidString)])
            #expect(reassigned.status == .seeOther)
            let fresh = try #require(try await Project.find(id, on: app.db))
            #expect(fresh.hostUnitID == other && fresh.hostStatus == .pending)
            // the old host, a district park, no longer works on the city's project and cannot answer
            let late = try await host.post("/projects/\(id)/host", [("version", String(fresh.version)), ("answer", "accept")])
            #expect(late.status == .notFound)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "project.host.decline").count() == 1)
        }
    }

    @Test func theBoardCountsByStageAndListsWhatIsStalled() async throws {
        try await withApp { app, _ in
            let (id, w, _) = try await Self.signed(app)
            // reported and not yet verified: beside the count, not inside it
            let reported = try await w.bureau.get("/projects").body.string
            #expect(reported.contains("签约 · 0") && reported.contains("另有待核验 1 个") && reported.contains("在谈 · 1"))
            #expect(!reported.contains("签约 264 天未开工"))
            let report = try #require(try await StageReport.query(on: app.db).filter(\.$projectID == id).first())
            #expect(try await w.bureau.post("/projects/\(id)/stages/verify", [("report", report.id!.uuidString)]).status == .seeOther)
            let page = try await w.bureau.get("/projects").body.string
            #expect(page.contains("签约 · 1") && page.contains("在谈 · 0"))
            #expect(page.contains("29.14亿元"))
            // signed 2026-03-02, not started by 2026-11-21: 264 days, past the 180-day limit
            #expect(page.contains("签约 264 天未开工"))
            let mine = try await w.bureau.get("/projects?mine=1").body.string
            #expect(mine.contains("签约 · 1"))  // the bureau person is an attractor
            let leader = Browser(app)
            try await leader.login("leader")
            #expect(try await leader.get("/projects?mine=1").body.string.contains("签约 · 1"))
            let host = Browser(app)
            try await host.login("host")
            #expect(try await host.get("/projects?mine=1").body.string.contains("签约 · 0"))
            // the district park that hosts it finds it on its board by default, though the project is the city's
            let park = Browser(app)
            try await park.login("park-host")
            #expect(try await park.get("/projects").body.string.contains("签约 · 1"))
            _ = id
        }
    }

    @Test func ratesAreCheckedAndAudited() async throws {
        try await withApp { app, _ in
            let bureau = Browser(app)
            try await bureau.login("bureau")
            _ = try await bureau.get("/rates")
            #expect(
                try await bureau.post("/rates", [("currency", "USD"), ("month", "2026-13"), ("rate", "7.1")]).status == .unprocessableEntity
            )
            #expect(
                try await bureau.post("/rates", [("currency", "USD"), ("month", "2026-03"), ("rate", "七点一")]).status == .unprocessableEntity
            )
            #expect(try await bureau.post("/rates", [("currency", "USD"), ("month", "2026-03"), ("rate", "7.1")]).status == .seeOther)
            #expect(try await bureau.post("/rates", [("currency", "USD"), ("month", "2026-03"), ("rate", "7.0982")]).status == .seeOther)
            #expect(try await ExchangeRate.query(on: app.db).all().map(\.rate) == [70_982])
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "rate.set").count() == 2)
            let cadre = Browser(app)
            try await cadre.login("cadre")
            #expect(try await cadre.get("/rates").status == .forbidden)
        }
    }

    @Test func aContractOfOneYiMakesAProjectMajorAndTheBureauNamesItsLeader() async throws {
        try await withApp { app, _ in
            // given a project accepted at 5000万元, below the threshold, so without a leader
            let (project, w) = try await ProjectTests.accepted(app)
            project.investmentMinor = 50_000_000 * 100
            project.isMajor = false
            project.leaderID = nil
            try await project.update(on: app.db)
            let id = project.id!
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await cadre.get("/projects/\(id)")
            #expect(
                try await ProjectTests.report(cadre, id, to: "signed", on: "2026-11-21", contract: "1.2亿", app: app).status == .seeOther)
            // a reported contract is not yet a fact: the threshold waits for the bureau's verification
            #expect(try await Project.find(id, on: app.db)?.isMajor == false)
            let report = try #require(try await StageReport.query(on: app.db).filter(\.$projectID == id).first())
            #expect(try await w.bureau.post("/projects/\(id)/stages/verify", [("report", report.id!.uuidString)]).status == .seeOther)
            #expect(try await Project.find(id, on: app.db)?.isMajor == true)
            #expect(try await w.bureau.get("/projects").body.string.contains("重大项目未明确包保领导"))
            let version = try #require(try await Project.find(id, on: app.db)).version
            let wrong = try await w.bureau.post("/projects/\(id)/leader", [("version", String(version)), ("leader", w.cadre.uuidString)])
            #expect(wrong.status == .unprocessableEntity)
            let named = try await w.bureau.post("/projects/\(id)/leader", [("version", String(version)), ("leader", w.leader.uuidString)])
            #expect(named.status == .seeOther)
            #expect(try await Project.find(id, on: app.db)?.leaderID == w.leader)
            #expect(!(try await w.bureau.get("/projects").body.string.contains("重大项目未明确包保领导")))
        }
    }
}
