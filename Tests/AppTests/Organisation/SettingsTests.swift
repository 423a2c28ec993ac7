import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

/// 辖区规则设置: the bureau sets the response clock, the major threshold and the stall limits
/// from a day on; what was fixed before keeps its values; the service refuses everyone else.
@Suite("辖区规则设置")
struct SettingsTests {
    /// 荆门: leads of 5000万元 and more answered within a working day and major; stalled after 90 days.
    static func tighter(note: String = "荆政办〔2026〕12号") -> String {
        """
        {"clockTiers":[{"minimumMinorUnits":5000000000,"respondDays":1,"assessDays":3,"feedbackDays":5},
          {"minimumMinorUnits":1000000000,"respondDays":2,"assessDays":5,"feedbackDays":10},
          {"minimumMinorUnits":0,"respondDays":3,"assessDays":10,"feedbackDays":15}],
         "majorThresholdMinorUnits":5000000000,"signedNotStartedDays":90,"quietDays":60,"note":"\(note)"}
        """
    }

    static func lead(_ name: String, _ amount: String) -> [(String, String)] {
        LeadTests.weide.map { $0.0 == "enterpriseName" ? ($0.0, name) : $0.0 == "investment" ? ($0.0, amount) : $0 }
    }

    @Test func theClockTightensFromItsDayAndFixedDeadlinesKeepTheirs() async throws {
        try await withApp { app, _ in
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await cadre.get("/leads/new")
            // Saturday 2026-11-21: 8560万元 is the second tier, two working days to respond
            #expect(try await cadre.post("/leads", Self.lead("湖北伟德线路板有限公司", "8560万")).status == .seeOther)
            let before = try #require(try await Lead.query(on: app.db).first())
            #expect(before.respondBy == "2026-11-24")

            let bureau = try await APIClient.issue(app, login: "bureau")
            let path = "/api/v1/jurisdictions/\(Fixture.jingmen)/settings/2026-11-21"
            let set = try await bureau.send(.PUT, path, json: Self.tighter())
            #expect(set.status == .ok && set.json["effectiveFrom"] as? String == "2026-11-21")
            // in force today: kept as it is; a change takes a later date
            let again = try await bureau.send(.PUT, path, json: Self.tighter())
            #expect((again.json["fields"] as? [String: String])?["effectiveFrom"]?.contains("今天已生效") == true)
            // never for the past
            let past = try await bureau.send(.PUT, "/api/v1/jurisdictions/\(Fixture.jingmen)/settings/2022-04-28", json: Self.tighter())
            #expect(past.status == .unprocessableEntity && (past.json["fields"] as? [String: String])?["effectiveFrom"] != nil)
            // a respond step slower than the assessment, and no authority named: each field says so
            let bad = try await bureau.send(
                .PUT, "/api/v1/jurisdictions/\(Fixture.jingmen)/settings/2026-12-01",
                json: Self.tighter(note: " ").replacingOccurrences(of: #""respondDays":1"#, with: #""respondDays":4"#))
            let fields = try #require(bad.json["fields"] as? [String: String])
            #expect(fields["tier1Days"] == "须依次为：首次响应 ≤ 评估 ≤ 反馈。" && fields["note"] != nil)
            // nobody else's door: a cadre, another city's bureau, another city's code
            let cadreAPI = try await APIClient.issue(app, login: "cadre")
            #expect(try await cadreAPI.send(.PUT, path, json: Self.tighter()).status == .forbidden)
            let anqing = try await APIClient.issue(app, login: "anqing-bureau")
            #expect(try await anqing.send(.PUT, path, json: Self.tighter()).status == .notFound)
            #expect(
                try await bureau.send(.PUT, "/api/v1/jurisdictions/\(Fixture.anqing)/settings/2026-12-01", json: Self.tighter()).status
                    == .notFound)

            // the next lead of the same size has the one-day clock; the first keeps its deadlines
            #expect(try await cadre.post("/leads", Self.lead("荆门精密模具有限公司", "8560万")).status == .seeOther)
            let after = try #require(try await Lead.query(on: app.db).filter(\.$enterpriseName == "荆门精密模具有限公司").first())
            #expect(after.respondBy == "2026-11-23")
            #expect(try await Lead.find(before.id, on: app.db)?.respondBy == "2026-11-24")

            // audited once, with what it replaced; read back by anyone working in the city or below
            let records = try await AuditRecord.query(on: app.db).filter(\.$action == "settings.set").all()
            #expect(records.count == 1 && records.first?.objectID == Fixture.jingmen)
            #expect(records.first?.before.contains("\"majorThresholdMinorUnits\":10000000000") == true)
            let read = try await cadreAPI.send(.GET, "/api/v1/jurisdictions/\(Fixture.dongbao)/settings")
            #expect(read.status == .ok)
            #expect((read.json["source"] as? [String: Any])?["jurisdiction"] as? String == Fixture.jingmen)
            #expect((read.json["inEffect"] as? [String: Any])?["signedNotStartedDays"] as? Int == 90)
            #expect(try await anqing.send(.GET, "/api/v1/jurisdictions/\(Fixture.jingmen)/settings").status == .notFound)
        }
    }

    @Test func theThresholdAndTheStallListReadTheVerifiedSigning() async throws {
        try await withApp { app, clock in
            let (project, _) = try await ProjectTests.accepted(app)
            let id = try #require(project.id)
            // a project intended below any threshold
            project.isMajor = false
            try await project.update(on: app.db)
            let bureau = try await APIClient.issue(app, login: "bureau")
            #expect(
                try await bureau.send(.PUT, "/api/v1/jurisdictions/\(Fixture.jingmen)/settings/2026-11-21", json: Self.tighter()).status
                    == .ok)
            let cadre = try await APIClient.issue(app, login: "cadre")
            let signing = try await cadre.send(
                .POST, "/api/v1/projects/\(id)/stages",
                json:
                    #"{"version":\#(project.version),"to":"signed","occurredOn":"2026-11-21","evidence":"合同","contract":{"minorUnits":8560000000,"currency":"CNY"}}"#
            )
            #expect(signing.status == .created)
            // reported is not verified: not major yet
            #expect(try await Project.find(id, on: app.db)?.isMajor == false)
            let report = try #require(try await StageReport.query(on: app.db).filter(\.$projectID == id).first())
            #expect(try await bureau.send(.POST, "/api/v1/projects/\(id)/stages/\(report.id!)/verify").status == .ok)
            // 8560万元 verified, against 荆门's 5000万元: major (by the standard 1亿元 it would not be)
            #expect(try await Project.find(id, on: app.db)?.isMajor == true)

            // a hundred days later, nothing started: stalled by 荆门's 90 days (the standard says 180)
            clock.advance(seconds: 100 * 86_400)
            let later = Browser(app)
            try await later.login("bureau")
            let board = try await later.get("/projects")
            #expect(board.body.string.contains("签约 100 天未开工"))
            // the page says the same
            #expect(try await later.get("/projects/\(id)").body.string.contains("签约 100 天未开工"))
            // 安庆 setting its own changes nothing here
            let anqing = try await APIClient.issue(app, login: "anqing-bureau")
            var loose = Self.tighter().replacingOccurrences(of: #""signedNotStartedDays":90"#, with: #""signedNotStartedDays":365"#)
            loose = loose.replacingOccurrences(of: "5000000000", with: "20000000000")
            #expect(try await anqing.send(.PUT, "/api/v1/jurisdictions/\(Fixture.anqing)/settings/2027-03-01", json: loose).status == .ok)
            #expect(try await later.get("/projects").body.string.contains("签约 100 天未开工"))
        }
    }

    @Test func theBureauSetsItOnThePageAndOthersReadIt() async throws {
        try await withApp { app, _ in
            let bureau = Browser(app)
            try await bureau.login("bureau")
            let page = try await bureau.get("/settings")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("系统标准规则") && page.body.string.contains("保存设置"))
            // the form comes filled with today's rules, dated tomorrow
            #expect(page.body.string.contains(#"value="2026-11-22""#) && page.body.string.contains(#"value="1亿元""#))
            var form: [(String, String)] = [
                ("jurisdiction", Fixture.jingmen), ("effectiveFrom", "2026-11-23"), ("majorThreshold", "5000万"),
                ("tier1Minimum", "5000万"), ("tier2Minimum", "1000万"), ("tier1Respond", "1"), ("tier1Assess", "3"), ("tier1Feedback", "5"),
                ("tier2Respond", "2"), ("tier2Assess", "5"), ("tier2Feedback", "10"), ("tier3Respond", "3"), ("tier3Assess", "10"),
                ("tier3Feedback", "15"), ("signedNotStartedDays", "90"), ("quietDays", "60"), ("note", "荆政办〔2026〕12号"),
            ]
            #expect(try await bureau.post("/settings", form).status == .seeOther)
            let scheduled = try await bureau.get("/settings?jurisdiction=\(Fixture.jingmen)")
            #expect(scheduled.body.string.contains("待生效") && scheduled.body.string.contains("荆政办〔2026〕12号"))
            // the next change starts from the scheduled one, not from today's rule
            #expect(scheduled.body.string.contains(#"value="5000万元""#) && scheduled.body.string.contains(#"value="90""#))
            // a date of 2022 and an amount in words: both named, what was typed kept
            form = form.map { $0.0 == "effectiveFrom" ? ($0.0, "2022-04-28") : $0.0 == "majorThreshold" ? ($0.0, "很多") : $0 }
            let refused = try await bureau.post("/settings", form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("金额格式不正确"))
            form = form.map { $0.0 == "majorThreshold" ? ($0.0, "5000万") : $0 }
            let past = try await bureau.post("/settings", form)
            #expect(past.body.string.contains("生效日期不能早于今天（2026-11-21）") && past.body.string.contains("荆政办〔2026〕12号"))
            // a cadre reads the rules, without the form, and cannot post one
            let cadre = Browser(app)
            try await cadre.login("cadre")
            let read = try await cadre.get("/settings")
            #expect(read.status == .ok && !read.body.string.contains("保存设置"))
            #expect(try await cadre.post("/settings", form).status == .forbidden)
        }
    }
}
