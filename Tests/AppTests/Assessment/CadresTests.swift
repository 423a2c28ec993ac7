import Domain
import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// 干部实绩 and 提拔后备库 through the API and the pages: the two attractors of 29.14亿元 shared
/// 60/40 are credited their parts once the signing is verified (the parts sum to the project), in
/// their places within the unit; the pool keeps every record and reads who is in from the latest.
@Suite("干部实绩与提拔后备库：按分成计入本人，后备库只增不改")
struct CadresTests {
    @Test func eachCadreIsCreditedTheirShareOnceVerified() async throws {
        try await withApp { app, _ in
            let (id, w, cadre) = try await ProjectMoneyTests.signed(app)
            let shares = try await ProjectAttractor.query(on: app.db).filter(\.$projectID == id).sort(\.$basisPoints, .descending).all()
            let api = try await APIClient.issue(app, login: "bureau")
            func credited(_ body: [String: Any], _ person: UUID) -> [String: Any]? {
                (body["cadres"] as? [[String: Any]])?.first { $0["personID"] as? String == person.uuidString }
            }
            // reported, not verified: nothing credited
            var page = try await api.send(.GET, "/api/v1/cadres?year=2026").json
            #expect(credited(page, shares[0].personID)?["contractInvestment"] as? Int64 == 0)
            let report = try #require(
                try await StageReport.query(on: app.db).filter(\.$projectID == id).filter(\.$toStage == .signed).first())
            #expect(try await w.bureau.post("/projects/\(id)/stages/verify", [("report", report.id!.uuidString)]).status == .seeOther)

            page = try await api.send(.GET, "/api/v1/cadres?year=2026").json
            let parts = CreditSplit.apportion(291_400_000_000, basisPoints: [6_000, 4_000])
            let first = try #require(credited(page, shares[0].personID))
            let second = try #require(credited(page, shares[1].personID))
            #expect(first["contractInvestment"] as? Int64 == parts[0] && second["contractInvestment"] as? Int64 == parts[1])
            #expect(parts[0] + parts[1] == 291_400_000_000)
            // both attractors work in one unit: first and second by the stated rule; the count is theirs each
            #expect(first["place"] as? Int == 1 && second["place"] as? Int == 2)
            #expect(first["projectsSigned"] as? Int == 1 && second["projectsSigned"] as? Int == 1)
            #expect((page["rankRule"] as? String)?.contains("合同投资额") == true)

            // the cadre's page lists the project behind the figure, in one unit a column
            let mine = try await cadre.get("/cadres/\(shares[0].personID)?year=2026").body.string
            #expect(mine.contains("伟德线路板高多层板项目") && mine.contains("计入本人（亿元）") && mine.contains(">17.48<"))
            // another city's cadre is not there; a cadre reads their own unit's cadres only
            let anqing = try #require(try await Person.query(on: app.db).filter(\.$login == "anqing-bureau").first()?.id)
            #expect(try await cadre.get("/cadres/\(anqing)").status == .notFound)
            let cadreAPI = try await APIClient.issue(app, login: "cadre")
            let own = try await cadreAPI.send(.GET, "/api/v1/cadres?year=2026").json
            let me = try #require(try await Person.query(on: app.db).filter(\.$login == "cadre").first())
            #expect((own["cadres"] as? [[String: Any]])?.allSatisfy { $0["unitID"] as? String == me.$unit.id.uuidString } == true)
            #expect(try await w.bureau.get("/cadres?year=2026").body.string.contains("计入合同投资额（亿元）"))
        }
    }

    @Test func thePoolKeepsEveryRecordAndRefusesWhatDoesNotHold() async throws {
        try await withApp { app, _ in
            let api = try await APIClient.issue(app, login: "bureau")
            let person = try #require(try await Person.query(on: app.db).filter(\.$login == "cadre").first()?.id)
            func record(_ action: String, year: Int = 2025, on day: String = "2026-01-20", who: UUID? = nil) async throws
                -> TestingHTTPResponse
            {
                try await api.send(
                    .POST, "/api/v1/reserve-pool",
                    json:
                        #"{"personID":"\#(who ?? person)","year":\#(year),"action":"\#(action)","source":"yearEndExcellent","reason":"2025 年度考核优秀","decidedBy":"市委组织部","decidedOn":"\#(day)"}"#
                )
            }
            let entered = try await record("enter")
            #expect(entered.status == .created && entered.json["sequence"] as? Int64 == 1)
            let twice = try await record("enter")
            #expect(twice.status == .unprocessableEntity && twice.body.string.contains("已在提拔后备库中"))
            #expect(try await record("withdraw").status == .created)
            let again = try await record("withdraw")
            #expect(again.status == .unprocessableEntity && again.body.string.contains("不在提拔后备库中"))
            let future = try await record("enter", on: "2026-12-01")
            #expect(future.status == .unprocessableEntity && future.body.string.contains("不能晚于今天"))
            let anqing = try #require(try await Person.query(on: app.db).filter(\.$login == "anqing-bureau").first()?.id)
            let foreign = try await record("enter", who: anqing)
            #expect(foreign.status == .unprocessableEntity && foreign.body.string.contains("辖区内没有这名干部"))
            // the records stay, in order; nobody is in now
            let pool = try await api.send(.GET, "/api/v1/reserve-pool").json
            #expect((pool["records"] as? [[String: Any]])?.compactMap { $0["action"] as? String } == ["enter", "withdraw"])
            #expect((pool["current"] as? [String])?.isEmpty == true)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action ~~ ["reserve.enter", "reserve.withdraw"]).count() == 2)
            // a personnel matter: a cadre or a park neither reads nor adds to it
            let cadreAPI = try await APIClient.issue(app, login: "cadre")
            #expect(try await cadreAPI.send(.GET, "/api/v1/reserve-pool").status == .forbidden)
            let leaderAPI = try await APIClient.issue(app, login: "leader")
            #expect(try await leaderAPI.send(.GET, "/api/v1/reserve-pool").status == .ok)

            // the form says it in Chinese and keeps what was typed
            let bureau = Browser(app)
            try await bureau.login("bureau")
            _ = try await bureau.get("/reserve-pool")
            let form = try await bureau.post(
                "/reserve-pool",
                [
                    ("person", person.uuidString), ("action", "enter"), ("year", "2025"), ("source", "results"), ("reason", ""),
                    ("decidedBy", "招商引资工作领导小组"), ("decidedOn", "2026-01-20"),
                ])
            #expect(form.status == .unprocessableEntity && form.body.string.contains("请填写入库理由") && form.body.string.contains("招商引资工作领导小组"))
            let saved = try await bureau.post(
                "/reserve-pool",
                [
                    ("person", person.uuidString), ("action", "enter"), ("year", "2026"), ("source", "results"), ("reason", "签约 29.14亿元项目"),
                    ("decidedBy", "招商引资工作领导小组"), ("decidedOn", "2026-11-20"),
                ])
            #expect(saved.status == .seeOther)
            let page = try await bureau.get("/reserve-pool").body.string
            #expect(page.contains("在库 1 人") && page.contains("签约 29.14亿元项目") && page.contains("移出"))
        }
    }
}
