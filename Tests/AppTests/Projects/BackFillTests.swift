import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

/// 补录: a bureau moving from Excel enters seed [002]'s project with its own dates — signed
/// 2022-04-28, built 2022-09-30, producing 2023-01-31 — through the API, and reads 278 days.
@Suite("补录：历史项目按真实日期录入")
struct BackFillTests {
    @Test func seed002EnteredThroughTheAPIReads278Days() async throws {
        try await withApp { app, _ in
            let w = try await ProjectTests.reviewed(app)
            let bureau = try await APIClient.issue(app, login: "bureau")
            let cadre = try await APIClient.issue(app, login: "cadre")
            let version = try #require(try await Lead.find(w.lead, on: app.db)).version
            func accept(_ client: APIClient, on date: String) async throws -> TestingHTTPResponse {
                try await client.send(
                    .POST, "/api/v1/leads/\(w.lead)/accept",
                    json: """
                        {"version":\(version),"title":"伟德线路板项目","hostUnitID":"\(w.park)","leaderID":"\(w.leader)","acceptedOn":"\(date)",
                         "attractors":[{"personID":"\(w.cadre)","basisPoints":6000},{"personID":"\(w.bureauID)","basisPoints":4000}]}
                        """)
            }
            // a future day, or a day before 2000, is refused by name
            let future = try await accept(bureau, on: "2026-12-01")
            #expect(future.status == .unprocessableEntity && (future.json["fields"] as? [String: String])?["acceptedOn"] != nil)
            #expect(try await accept(bureau, on: "1999-12-31").status == .unprocessableEntity)
            let accepted = try await accept(bureau, on: "2022-03-01")
            #expect(accepted.status == .created)
            let id = try #require(accepted.json["id"] as? String)
            #expect(accepted.json["acceptedOn"] as? String == "2022-03-01")
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "project.accept.backfill").count() == 1)
            // the lead entered this month closes its clock now, never before it existed
            let closed = try #require(try await Lead.find(w.lead, on: app.db))
            #expect(closed.status == .accepted && closed.assessedOn.map { $0 >= closed.submittedOn } == true)
            #expect(
                closed.feedbackOn.map { $0 >= closed.submittedOn } == true && closed.respondedOn.map { $0 >= closed.submittedOn } == true)

            // the attractor reports the stages with their real dates; a date before the previous
            // stage is refused naming that stage and its date
            var projectVersion = 1
            func report(_ to: String, _ on: String, contract: Int64? = nil) async throws -> TestingHTTPResponse {
                let money = contract.map { #","contract":{"minorUnits":\#($0),"currency":"CNY"}"# } ?? ""
                let response = try await cadre.send(
                    .POST, "/api/v1/projects/\(id)/stages",
                    json: #"{"version":\#(projectVersion),"to":"\#(to)","occurredOn":"\#(on)","evidence":"台账"\#(money)}"#)
                if response.status == .created { projectVersion += 1 }
                return response
            }
            let beforeAcceptance = try await report("signed", "2022-02-01", contract: 30_000_000_000)
            #expect((beforeAcceptance.json["fields"] as? [String: String])?["occurredOn"] == "日期不能早于上一阶段「入库（在谈）」的日期 2022-03-01。")
            #expect(try await report("signed", "2022-04-28", contract: 30_000_000_000).status == .created)
            let early = try await report("started", "2022-04-01")
            #expect((early.json["fields"] as? [String: String])?["occurredOn"] == "日期不能早于上一阶段「签约」的日期 2022-04-28。")
            for (stage, date) in [("started", "2022-05-10"), ("built", "2022-09-30"), ("producing", "2023-01-31")] {
                let created = try await report(stage, date)
                #expect(created.status == .created)
                #expect(created.json["backFilled"] as? Bool == true)
            }
            // the ledger's money of 2022, entered today, is back-filled too — on the page and in the detail
            let funds = try await cadre.send(
                .POST, "/api/v1/projects/\(id)/funds",
                json: #"{"arrivedOn":"2022-10-15","amount":{"minorUnits":43890000000,"currency":"CNY"},"evidence":"进账单"}"#)
            #expect(funds.status == .created && funds.json["backFilled"] as? Bool == true)
            // nothing counts until a second person of the bureau verifies
            var detail = try await bureau.send(.GET, "/api/v1/projects/\(id)")
            #expect(detail.json["daysToProduction"] == nil)
            for report in try await StageReport.query(on: app.db).sort(\.$sequence).all() {
                let verified = try await bureau.send(.POST, "/api/v1/projects/\(id)/stages/\(report.id!)/verify")
                #expect(verified.status == .ok)
            }
            detail = try await bureau.send(.GET, "/api/v1/projects/\(id)")
            #expect(detail.json["daysToProduction"] as? Int == 278)
            #expect(detail.json["backFilled"] as? Bool == true)
            #expect((detail.json["funds"] as? [[String: Any]])?.first?["backFilled"] as? Bool == true)
            let days = try #require(detail.json["stageDays"] as? [[String: Any]])
            let byStage = Dictionary(uniqueKeysWithValues: days.map { ($0["stage"] as! String, $0["days"] as! Int) })
            // 2022-03-01 → 04-28 → 05-10 → 09-30 → 2023-01-31
            #expect(byStage == ["negotiating": 58, "signed": 12, "started": 143, "built": 123, "producing": byStage["producing"]!])
            #expect(byStage["signed"]! + byStage["started"]! + byStage["built"]! == 278)

            // the page says the same, and marks the history as back-filled
            let page = try await w.bureau.get("/projects/\(id)").body.string
            #expect(page.contains("签约至投产 278 天（已核验）"))
            // the acceptance, four stages and the funds entry
            #expect(page.components(separatedBy: ">补录<").count - 1 == 6)
        }
    }

    @Test func onlyTheBureauBackFillsAnAcceptance() async throws {
        try await withApp { app, _ in
            let w = try await ProjectTests.reviewed(app)
            let version = try #require(try await Lead.find(w.lead, on: app.db)).version
            // the panel's chair may accept, but not date the acceptance a year back
            let panel = try #require(try await ReviewPanel.query(on: app.db).first())
            let chair = try await Fixture.id(of: "rev-park", on: app.db)
            panel.chairID = chair
            try await panel.save(on: app.db)
            let login = "rev-park"
            let browser = Browser(app)
            try await browser.login(login)
            _ = try await browser.get("/leads/\(w.lead)")
            let form = ProjectTests.acceptForm(w, version: version) + [("acceptedOn", "2025-11-01")]
            let refused = try await browser.post("/leads/\(w.lead)/accept", form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("补录历史项目（入库日期早于 7 天前）由投促局办理"))
            // last week is ordinary work
            let lastWeek = try await browser.post(
                "/leads/\(w.lead)/accept", ProjectTests.acceptForm(w, version: version) + [("acceptedOn", "2026-11-17")])
            #expect(lastWeek.status == .seeOther)
            let project = try #require(try await Project.query(on: app.db).first())
            #expect(project.acceptedOn == "2026-11-17" && project.recordedOn == "2026-11-21")
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "project.accept").count() == 1)
        }
    }
}
