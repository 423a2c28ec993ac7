import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

/// A record's page shows who did what when, read from the audit trail, in words: newest first,
/// with the people's names; refused attempts and downloads stay with the audit admin.
@Suite("记录的操作历史：来自审计日志，用干部读得懂的话")
struct RecordHistoryTests {
    @Test func aLeadPageTellsWhoDidWhatWhen() async throws {
        try await withApp { app, _ in
            let cadre = try await APIClient.issue(app, login: "cadre")
            let bureau = try await APIClient.issue(app, login: "bureau")
            let body =
                #"{"enterpriseName":"荆门新材料科技有限公司","investment":{"minorUnits":291400000000,"currency":"CNY"},"channel":"residentTeam"}"#
            let id = try #require(try await cadre.send(.POST, "/api/v1/leads", json: body).json["id"] as? String)
            // a refused attempt is audited, but it is not an act on the record
            #expect(try await cadre.send(.POST, "/api/v1/leads/\(id)/respond", json: #"{"version":1}"#).status == .forbidden)
            #expect(try await bureau.send(.POST, "/api/v1/leads/\(id)/respond", json: #"{"version":1}"#).status == .ok)
            let returned = try await bureau.send(
                .POST, "/api/v1/leads/\(id)/decision", json: #"{"version":2,"decision":"returned","reason":"请补充用地需求"}"#)
            #expect(returned.status == .ok)
            let history = try await RecordHistory.of("lead", try #require(UUID(uuidString: id)), on: app.db)
            #expect(history.map(\.action) == ["lead.returned", "lead.respond", "lead.submit"])
            let names = try await Person.query(on: app.db).all()
            let name = { (login: String) in names.first { $0.login == login }?.name ?? "?" }
            #expect(history.map(\.who) == [name("bureau"), name("bureau"), name("cadre")])
            // on the page: in words, newest first
            let browser = Browser(app)
            try await browser.login("bureau")
            let html = try await browser.get("/leads/\(id)").body.string
            #expect(html.contains("操作记录（3）"))
            let positions = ["退回补充", "首次响应", "提交线索"].map { html.range(of: $0)?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil })
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
            #expect(!html.contains("refused"))
        }
    }

    @Test func everyActHasWords() {
        // the acts of leads, projects and work orders read as words, not as codes
        for (action, words) in RecordHistory.words {
            #expect(!words.zh.isEmpty && !words.zh.contains("."), "\(action)")
        }
        for step: WorkOrderMachine.Step in [.route, .signFor, .start, .answer, .confirm, .reopen] {
            #expect(RecordHistory.words["workorder.\(step.rawValue)"] != nil, "\(step)")
        }
        for decision in LeadService.Decision.allCases {
            #expect(RecordHistory.words["lead.\(decision.rawValue)"] != nil, "\(decision)")
        }
    }
}
