import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite("招商线索：提交、撞车、时限、办理")
struct LeadTests {
    static let weide: [(String, String)] = [
        ("enterpriseName", "湖北伟德线路板有限公司"), ("investment", "5亿"), ("currency", "CNY"), ("channel", "visit"),
        ("landMu", "120"), ("energyTCE", "3000"), ("jobs", "500"), ("notes", "16个月跑了近200家电路板企业后谈成"),
    ]

    func submit(_ browser: Browser, _ form: [(String, String)]) async throws -> TestingHTTPResponse {
        try await browser.get("/leads/new")
        return try await browser.post("/leads", form)
    }

    @Test func aCadreSubmitsAndTheClockStartsOnTheNextWorkingDay() async throws {
        try await withApp { app, _ in
            let cadre = Browser(app)
            try await cadre.login("cadre")
            let response = try await submit(cadre, Self.weide)
            #expect(response.status == .seeOther)
            let lead = try #require(try await Lead.query(on: app.db).first())
            // submitted on Saturday 2026-11-21; ≥ 1亿元: respond 1, assess 3, feedback 5 working days
            #expect(lead.submittedOn == "2026-11-21")
            #expect([lead.respondBy, lead.assessBy, lead.feedbackBy] == ["2026-11-23", "2026-11-25", "2026-11-27"])
            #expect(lead.investmentMinor == 500_000_000 * 100 && lead.landMuTenths == 1_200)
            let page = try await cadre.get(response.location).body.string
            #expect(page.contains("5亿元") && page.contains("用地120亩"))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "lead.submit").count() == 1)
        }
    }

    @Test func theSameEnterpriseFromAnotherUnitIsToldWhoHoldsIt() async throws {
        try await withApp { app, _ in
            try await Fixture.cadre("park-cadre", unit: "荆门化工循环产业园", on: app.db)
            let first = Browser(app)
            try await first.login("cadre")
            _ = try await submit(first, Self.weide)
            // the same PCB maker, still being set up, brought by a park cadre
            let second = Browser(app)
            try await second.login("park-cadre")
            let preparing = Self.weide.map { $0.0 == "enterpriseName" ? ($0.0, "湖北伟德线路板有限公司（筹）") : $0 }
            let refused = try await submit(second, preparing)
            #expect(refused.status == .conflict)
            #expect(refused.body.string.contains("荆门市招商局测试cadre"))
            #expect(refused.body.string.contains("仍要提交"))
            #expect(try await Lead.query(on: app.db).count() == 1)
            // nor does a zero-width joiner or a word joiner hidden in the name get past the check
            for hidden in ["\u{200D}", "\u{2060}", "\u{00AD}"] {
                let disguised = Self.weide.map { $0.0 == "enterpriseName" ? ($0.0, "湖北伟德" + hidden + "线路板有限公司") : $0 }
                #expect(try await submit(second, disguised).status == .conflict)
            }
            #expect(try await Lead.query(on: app.db).count() == 1)
            // submitted anyway, it is flagged for the bureau, who merges it: one enterprise, one credit
            #expect(try await second.post("/leads", preparing + [("confirmDuplicate", "on")]).status == .seeOther)
            let flagged = try #require(try await Lead.query(on: app.db).filter(\.$collidesWithID != nil).first())
            let bureau = Browser(app)
            try await bureau.login("bureau")
            _ = try await bureau.get("/leads/\(flagged.id!)")
            let merged = try await bureau.post(
                "/leads/\(flagged.id!)/merge", [("target", flagged.collidesWithID!.uuidString), ("version", "1")])
            #expect(merged.status == .seeOther)
            #expect(try await Lead.find(flagged.id, on: app.db)?.status == .merged)
        }
    }

    @Test func theClockJudgesForeignMoneyInYuanAtTheMonthsRate() async throws {
        try await withApp { app, _ in
            let cadre = Browser(app)
            try await cadre.login("cadre")
            // 1.5亿日元 with no yen rate for November 2026: the missing rate is named, nothing is guessed
            let yen = Self.weide.map { $0.0 == "investment" ? ($0.0, "1.5亿") : $0.0 == "currency" ? ($0.0, "JPY") : $0 }
            let refused = try await submit(cadre, yen)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("缺少 2026-11 的日元（JPY）汇率"))
            #expect(try await Lead.query(on: app.db).count() == 0)
            // the bureau records the month's rates
            let bureau = Browser(app)
            try await bureau.login("bureau")
            _ = try await bureau.get("/rates")
            for (currency, rate) in [("JPY", "0.0466"), ("USD", "7.1000")] {
                #expect(
                    try await bureau.post("/rates", [("currency", currency), ("month", "2026-11"), ("rate", rate)]).status == .seeOther)
            }
            // 1.5亿日元 ≈ 699万元: the smallest tier, three working days to respond
            #expect(try await submit(cadre, yen).status == .seeOther)
            let small = try #require(try await Lead.query(on: app.db).first())
            #expect(small.respondBy == WorkingCalendar.china.adding(workingDays: 3, to: CivilDate(small.submittedOn)!).description)
            // 9000万美元 ≈ 6.39亿元: the one-day clock
            let dollars = Self.weide.map {
                $0.0 == "investment"
                    ? ($0.0, "9000万") : $0.0 == "currency" ? ($0.0, "USD") : $0.0 == "enterpriseName" ? ($0.0, "美资电子有限公司") : $0
            }
            #expect(try await submit(cadre, dollars).status == .seeOther)
            let large = try #require(try await Lead.query(on: app.db).filter(\.$enterpriseName == "美资电子有限公司").first())
            #expect(large.respondBy == WorkingCalendar.china.adding(workingDays: 1, to: CivilDate(large.submittedOn)!).description)
        }
    }

    @Test func overdueLeadsAreListedAndLateStaysLate() async throws {
        try await withApp { app, clock in
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await submit(cadre, Self.weide)
            let id = try #require(try await Lead.query(on: app.db).first()?.id)
            // Tuesday 11-24: the first response was due Monday 11-23
            clock.advance(seconds: 3 * 86_400)
            let bureau = Browser(app)
            try await bureau.login("bureau")
            #expect(try await bureau.get("/leads?overdue=1").body.string.contains("湖北伟德线路板有限公司"))
            _ = try await bureau.get("/leads/\(id)")
            #expect(try await bureau.post("/leads/\(id)/respond", [("version", "1")]).status == .seeOther)
            // answered, but a day late: the lead page still says so; the overdue list no longer holds it
            #expect(try await bureau.get("/leads/\(id)").body.string.contains("逾期"))
            #expect(!(try await bureau.get("/leads?overdue=1").body.string.contains("湖北伟德线路板有限公司")))
            let lead = try #require(try await Lead.find(id, on: app.db))
            #expect(lead.respondedOn == "2026-11-24" && lead.status == .responded)
        }
    }

    @Test func rejectionNeedsAReasonAndTheLeadStaysFindable() async throws {
        try await withApp { app, _ in
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await submit(cadre, Self.weide)
            let id = try #require(try await Lead.query(on: app.db).first()?.id)
            let bureau = Browser(app)
            try await bureau.login("bureau")
            _ = try await bureau.get("/leads/\(id)")
            let noReason = try await bureau.post("/leads/\(id)/decision", [("decision", "rejected"), ("reason", " "), ("version", "1")])
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.body.string.contains("请填写理由"))
            #expect(
                try await bureau.post("/leads/\(id)/decision", [("decision", "rejected"), ("reason", "能耗指标不足"), ("version", "1")]).status
                    == .seeOther)
            let lead = try #require(try await Lead.find(id, on: app.db))
            #expect(lead.status == .rejected && lead.feedbackOn == "2026-11-21" && lead.decisionNote == "能耗指标不足")
            #expect(try await bureau.get("/leads?state=closed").body.string.contains("湖北伟德线路板有限公司"))
            // a stale second decision is refused, not applied
            #expect(
                try await bureau.post("/leads/\(id)/decision", [("decision", "returned"), ("reason", "x"), ("version", "1")]).status
                    == .conflict)
        }
    }

    @Test func cadresSeeTheirUnitsLeadsAndOnlyTheBureauActs() async throws {
        try await withApp { app, _ in
            try await Fixture.cadre("park-cadre", unit: "荆门化工循环产业园", on: app.db)
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await submit(cadre, Self.weide)
            let id = try #require(try await Lead.query(on: app.db).first()?.id)
            let other = Browser(app)
            try await other.login("park-cadre")
            #expect(try await other.get("/leads/\(id)").status == .notFound)
            #expect(!(try await other.get("/leads").body.string.contains("湖北伟德线路板有限公司")))
            #expect(try await cadre.post("/leads/\(id)/respond", [("version", "1")]).status == .forbidden)
            let leader = Browser(app)
            try await leader.login("leader")
            #expect(try await leader.get("/leads/\(id)").status == .ok)
        }
    }

    @Test(arguments: [
        ([("landMu", "12.55")], "landMu"), ([("investment", "很多")], "investment"), ([("enterpriseName", "")], "enterpriseName"),
        ([("channel", "telepathy")], "channel"), ([("uscc", "914403001922038217")], "uscc"), ([("jobs", "-3")], "jobs"),
    ])
    func badInputIsExplained(changes: [(String, String)], field: String) async throws {
        try await withApp { app, _ in
            let cadre = Browser(app)
            try await cadre.login("cadre")
            let form = Self.weide.filter { key, _ in !changes.contains { $0.0 == key } } + changes
            let response = try await submit(cadre, form)
            #expect(response.status == .unprocessableEntity, "\(field)")
            #expect(response.body.string.contains("field has-error"))
            #expect(try await Lead.query(on: app.db).count() == 0)
        }
    }

    @Test func theBureausLeadActionsThroughTheAPI() async throws {
        try await withApp { app, _ in
            let cadre = try await APIClient.issue(app, login: "cadre")
            let bureau = try await APIClient.issue(app, login: "bureau")
            let body =
                #"{"enterpriseName":"荆门新材料科技有限公司","investment":{"minorUnits":291400000000,"currency":"CNY"},"channel":"residentTeam"}"#
            let id = try #require(try await cadre.send(.POST, "/api/v1/leads", json: body).json["id"] as? String)
            // the actions are the bureau's: a cadre hears 403 whatever it sends
            #expect(try await cadre.send(.POST, "/api/v1/leads/\(id)/respond", json: #"{"version":1}"#).status == .forbidden)
            let responded = try await bureau.send(.POST, "/api/v1/leads/\(id)/respond", json: #"{"version":1}"#)
            #expect(responded.status == .ok && responded.json["status"] as? String == "responded")
            // a stale version is a conflict, not an overwrite
            #expect(try await bureau.send(.POST, "/api/v1/leads/\(id)/respond", json: #"{"version":1}"#).status == .conflict)
            let version = try #require(try await Lead.find(UUID(uuidString: id)!, on: app.db)).version
            let noDecision = try await bureau.send(.POST, "/api/v1/leads/\(id)/decision", json: #"{"version":\#(version)}"#)
            #expect(noDecision.status == .unprocessableEntity && (noDecision.json["fields"] as? [String: String])?["decision"] != nil)
            let noTarget = try await bureau.send(.POST, "/api/v1/leads/\(id)/merge", json: #"{"version":\#(version)}"#)
            #expect(noTarget.status == .unprocessableEntity && (noTarget.json["fields"] as? [String: String])?["target"] != nil)
            let returned = try await bureau.send(
                .POST, "/api/v1/leads/\(id)/decision", json: #"{"version":\#(version),"decision":"returned","reason":"请补充用地和能耗需求"}"#)
            #expect(returned.status == .ok && returned.json["status"] as? String == "returned")
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "lead.respond").count() == 1)
        }
    }

    @Test func apiSubmitsAndReads() async throws {
        try await withApp { app, _ in
            let api = try await APIClient.issue(app, login: "cadre")
            let body =
                #"{"enterpriseName":"荆门新材料科技有限公司","investment":{"minorUnits":291400000000,"currency":"CNY"},"channel":"residentTeam","landMu":"12.5"}"#
            let created = try await api.send(.POST, "/api/v1/leads", json: body)
            #expect(created.status == .created)
            #expect(created.json["investmentText"] as? String == "29.14亿元")
            #expect(created.json["landMu"] as? String == "12.5")
            let again = try await api.send(.POST, "/api/v1/leads", json: body)
            #expect(again.status == .conflict)
            #expect(again.json["code"] as? String == "lead_collision")
            let list = try await api.send(.GET, "/api/v1/leads?state=open")
            #expect((list.json["items"] as? [[String: Any]])?.count == 1)
            #expect(try await api.send(.GET, "/api/v1/leads?state=nonsense").status == .badRequest)
        }
    }
}
