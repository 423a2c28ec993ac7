import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

/// 已办 and the menu's count: the bureau's own acts in words with the record they were done on,
/// and the count of what waits shown on 工作台 on every page, gone once acted on.
@Suite("已办与待办角标")
struct DoneAndBadgeTests {
    @Test func theWorkbenchListsMyActsAndTheMenuCountsWhatWaits() async throws {
        try await withApp { app, _ in
            let cadre = try await APIClient.issue(app, login: "cadre")
            let body =
                #"{"enterpriseName":"荆门新材料科技有限公司","investment":{"minorUnits":291400000000,"currency":"CNY"},"channel":"residentTeam"}"#
            let id = try #require(try await cadre.send(.POST, "/api/v1/leads", json: body).json["id"] as? String)

            let bureau = Browser(app)
            try await bureau.login("bureau")
            // one lead waits for the bureau's first response: counted on every page's menu
            let waiting = try await WorkQueue.sections(
                for: try await LeadListTests.user("bureau", on: app.db), today: app.clock.today, on: app.db
            ).reduce(0) { $0 + $1.count }
            #expect(waiting >= 1)
            #expect(try await bureau.get("/leads").body.string.contains(#"<span class="badge">\#(waiting)</span>"#))
            #expect(try await bureau.get("/").body.string.contains(#"<span class="badge">\#(waiting)</span>"#))
            var home = try await bureau.get("/").body.string
            #expect(home.contains("已办（近 30 天）") && home.contains("近期没有办理记录"))

            _ = try await bureau.get("/leads/\(id)")
            #expect(try await bureau.post("/leads/\(id)/respond", [("version", "1")]).status == .seeOther)
            // the act is on the bureau's 已办 with the lead it was done on; the count drops at once
            home = try await bureau.get("/").body.string
            #expect(home.contains("首次响应") && home.contains("/leads/\(id)") && home.contains("荆门新材料科技有限公司"))
            // responded, it now waits for assessment: the menu counts what waits now, not a minute ago
            let sections = try await WorkQueue.sections(
                for: try await LeadListTests.user("bureau", on: app.db), today: app.clock.today, on: app.db)
            #expect(sections.map(\.kind).contains(.assessLead) && !sections.map(\.kind).contains(.respondLead))
            let now = sections.reduce(0) { $0 + $1.count }
            #expect(try await bureau.get("/leads").body.string.contains(#"<span class="badge">\#(now)</span>"#))
            // another person's write does not make every count be read again: kept for the minute
            let second = body.replacingOccurrences(of: "荆门新材料科技有限公司", with: "荆门精密模具有限公司")
            #expect(try await cadre.send(.POST, "/api/v1/leads", json: second).status == .created)
            #expect(try await bureau.get("/leads").body.string.contains(#"<span class="badge">\#(now)</span>"#))
            // the workbench itself is kept only until a write: the new lead waits on it at once
            #expect(try await bureau.get("/").body.string.contains("荆门精密模具有限公司"))
            let done = try await DoneList.recent(by: "bureau", now: app.clock.millis, on: app.db)
            #expect(done.map(\.action) == ["lead.respond"])
            // the cadre's 已办 holds its own submission, never the bureau's response
            let cadreDone = try await DoneList.recent(by: "cadre", now: app.clock.millis, on: app.db)
            #expect(cadreDone.map(\.action) == ["lead.submit", "lead.submit"])
            #expect(cadreDone.map(\.title) == ["荆门精密模具有限公司", "荆门新材料科技有限公司"])
        }
    }
}
