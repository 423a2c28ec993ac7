import Domain
import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// 年终座次 through the API and the pages: [000]'s unit with a 2.5亿元 target and its verified share
/// of 29.14亿元 sits in 完成席, the park sharing the project in 签约席, the units without results in
/// 零效果席 with the 7,000 元 a person withheld; once published the seating is read as it was —
/// a later correction does not move it, an edit of a stored line shows as a digest that disagrees.
@Suite("年终座次：按核验实绩排定，发布后不再重算")
struct SeatingTests {
    /// A project signed for 29.14亿元 on 2025-03-02 and shared 60/40 between the 招商局 and the park.
    static func signed2025(_ app: Application) async throws -> (project: UUID, first: UUID, park: UUID, w: ProjectTests.World) {
        let (project, w) = try await ProjectTests.accepted(app)
        try await ProjectTests.backdate(project, to: "2025-01-05", on: app.db)
        let cadre = Browser(app)
        try await cadre.login("cadre")
        let id = try #require(project.id)
        _ = try await cadre.get("/projects/\(id)")
        #expect(try await ProjectTests.report(cadre, id, to: "signed", on: "2025-03-02", contract: "29.14亿", app: app).status == .seeOther)
        let shares = try await ProjectAttractor.query(on: app.db).filter(\.$projectID == id).sort(\.$basisPoints, .descending).all()
        let park = try #require(try await Unit.query(on: app.db).filter(\.$name == "东宝工业园").first()?.id)
        try await (app.db as! any SQLDatabase).raw(
            "UPDATE project_attractors SET unit_id = \(bind: park) WHERE id = \(bind: shares[1].id!)"
        )
        .run()
        return (id, shares[0].unitID, park, w)
    }

    static func verifySigning(_ project: UUID, _ w: ProjectTests.World, _ app: Application) async throws {
        let report = try #require(
            try await StageReport.query(on: app.db).filter(\.$projectID == project).filter(\.$toStage == .signed).first())
        #expect(try await w.bureau.post("/projects/\(project)/stages/verify", [("report", report.id!.uuidString)]).status == .seeOther)
    }

    static func line(_ body: [String: Any], _ unit: UUID) -> [String: Any]? {
        (body["lines"] as? [[String: Any]])?.first { $0["unitID"] as? String == unit.uuidString }
    }

    @Test func theYearIsSeatedByVerifiedResultsAndKeptOncePublished() async throws {
        try await withApp { app, _ in
            let (project, first, park, w) = try await Self.signed2025(app)
            let api = try await APIClient.issue(app, login: "bureau")
            #expect(
                try await api.send(
                    .PUT, "/api/v1/units/\(first)/targets", json: #"{"year":2025,"version":0,"targets":{"contractInvestment":25000000000}}"#
                ).status == .ok)

            // reported, not verified: the project is still in talks for both units — 意向席
            var draft = try await api.send(.GET, "/api/v1/seatings?year=2025").json
            #expect(draft["published"] as? Bool == false && draft["through"] as? String == "2025-12-31")
            #expect(Self.line(draft, first)?["seat"] as? String == "intent" && Self.line(draft, park)?["seat"] as? String == "intent")
            #expect(Self.line(draft, first)?["negotiating"] as? Int == 1)

            try await Self.verifySigning(project, w, app)
            draft = try await api.send(.GET, "/api/v1/seatings?year=2025").json
            let parts = CreditSplit.apportion(291_400_000_000, basisPoints: [6_000, 4_000])
            let mine = try #require(Self.line(draft, first))
            // 17.484亿 of a 2.5亿 target → 完成席; the park signed without a target → 签约席
            #expect(mine["seat"] as? String == "completed" && mine["done"] as? Int64 == parts[0])
            #expect(mine["target"] as? Int64 == 25_000_000_000 && mine["verifiedSignings"] as? Int == 1)
            #expect(Self.line(draft, park)?["seat"] as? String == "signed" && Self.line(draft, park)?["done"] as? Int64 == parts[1])
            // a unit with nothing: 零效果席, no awards, 7,000 元 a person withheld, a talk
            let lines = try #require(draft["lines"] as? [[String: Any]])
            let zero = try #require(lines.first { $0["seat"] as? String == "zeroEffect" && ($0["staff"] as? Int ?? 0) > 0 })
            #expect(zero["awardEligible"] as? Bool == false && zero["leadershipTalk"] as? Bool == true)
            #expect(zero["bonusWithheld"] as? Int64 == 700_000 * Int64(zero["staff"] as? Int ?? 0))
            // the hall's order: 完成席 first
            #expect(lines.first?["seat"] as? String == "completed")

            // publish: 201, the digest in the audit log
            let published = try await api.send(.POST, "/api/v1/seatings", json: #"{"year":2025,"rulesVersion":0}"#)
            #expect(published.status == .created)
            let digest = try #require(published.json["digest"] as? String)
            #expect(published.json["intact"] as? Bool == true && digest.count == 64)
            let audit = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "seating.publish").first())
            #expect(audit.after.contains(digest))

            // a later correction does not move the published seats: the stage goes back to 在谈
            let version = try #require(try await Project.find(project, on: app.db)).version
            let back = try await w.bureau.post(
                "/projects/\(project)/stages",
                [("version", String(version)), ("to", "negotiating"), ("occurredOn", "2025-04-01"), ("reason", "合同未生效，更正")])
            #expect(back.status == .seeOther)
            let kept = try await api.send(.GET, "/api/v1/seatings?year=2025").json
            #expect(Self.line(kept, first)?["seat"] as? String == "completed" && kept["digest"] as? String == digest)
            #expect(kept["intact"] as? Bool == true)

            // once published: no second publication, no change of its rules
            let again = try await api.send(.POST, "/api/v1/seatings", json: #"{"year":2025,"rulesVersion":0}"#)
            #expect(again.status == .conflict && again.body.string.contains("已发布"))
            let rules = try await api.send(
                .PUT, "/api/v1/seating-rules",
                json: #"{"year":2025,"version":0,"measure":"contractInvestment","completionPermille":1000,"negotiatingForIntent":1}"#)
            #expect(rules.status == .conflict)

            // the next year shows last year's seat beside this year's
            let page = try await w.bureau.get("/seats?year=2026").body.string
            #expect(page.contains("2025 年 → 2026 年座次") && page.contains("完成席 → "))

            // an edit of a stored line is caught by the digest, on the page and in the API
            try await (app.db as! any SQLDatabase).raw("UPDATE seating_entries SET seat = 'completed' WHERE seat = 'zeroEffect'").run()
            let tampered = try await api.send(.GET, "/api/v1/seatings?year=2025").json
            #expect(tampered["intact"] as? Bool == false)
            #expect(try await w.bureau.get("/seats?year=2025").body.string.contains("摘要不一致"))
        }
    }

    @Test func rulesAndPublicationAreRefusedWithTheirReasons() async throws {
        try await withApp { app, _ in
            let api = try await APIClient.issue(app, login: "bureau")
            let put = { (json: String) in try await api.send(.PUT, "/api/v1/seating-rules", json: json) }
            let base = #""measure":"contractInvestment","negotiatingForIntent":2"#
            let saved = try await put(#"{"year":2025,"version":0,\#(base),"completionPermille":1100}"#)
            #expect(saved.status == .ok && saved.json["version"] as? Int == 1)
            let refusals: [(String, HTTPStatus, String)] = [
                (#"{"year":2025,"version":0,\#(base),"completionPermille":1000}"#, .conflict, "已被他人修改"),
                (#"{"year":2025,"version":1,\#(base),"completionPermille":100}"#, .unprocessableEntity, "50% 至 200%"),
                (
                    #"{"year":2025,"version":1,"measure":"satisfaction","negotiatingForIntent":1,"completionPermille":1000}"#,
                    .unprocessableEntity, "下达目标的指标"
                ),
                (
                    #"{"year":2025,"version":1,\#(base),"completionPermille":1000,"consequences":{"zeroEffect":{"awardEligible":false,"bonusWithheldPerPerson":-5,"leadershipTalk":true}}}"#,
                    .unprocessableEntity, "不能为负数"
                ),
                (
                    #"{"year":2025,"version":1,\#(base),"completionPermille":1000,"consequences":{"gold":{"awardEligible":true,"bonusWithheldPerPerson":0,"leadershipTalk":false}}}"#,
                    .unprocessableEntity, "gold"
                ),
                (#"{"year":1999,"version":1,\#(base),"completionPermille":1000}"#, .unprocessableEntity, "年度"),
                (#"{"year":2025,"version":1,\#(base),"completionPermille":"all"}"#, .badRequest, "completionPermille"),
            ]
            for (json, status, words) in refusals {
                let response = try await put(json)
                #expect(response.status == status, "\(json)")
                #expect(response.body.string.contains(words), "\(json): \(response.body.string)")
            }
            #expect(try await SeatingService.rules(scope: "420800", year: 2025, on: app.db).rules.completionPermille == 1100)
            // publishing with the rules of an older version, and this year before December
            #expect(try await api.send(.POST, "/api/v1/seatings", json: #"{"year":2025,"rulesVersion":0}"#).status == .conflict)
            let early = try await api.send(.POST, "/api/v1/seatings", json: #"{"year":2026,"rulesVersion":0}"#)
            #expect(early.status == .unprocessableEntity && early.body.string.contains("12 月 1 日起"))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "seating.publish").count() == 0)

            // a cadre reads no draft and publishes nothing; after publication every unit reads it
            let cadreAPI = try await APIClient.issue(app, login: "cadre")
            let hidden = try await cadreAPI.send(.GET, "/api/v1/seatings?year=2025").json
            #expect(hidden["linesHidden"] as? Bool == true && (hidden["lines"] as? [Any])?.isEmpty == true)
            #expect(try await cadreAPI.send(.POST, "/api/v1/seatings", json: #"{"year":2025,"rulesVersion":1}"#).status == .forbidden)
            #expect(try await api.send(.POST, "/api/v1/seatings", json: #"{"year":2025,"rulesVersion":1}"#).status == .created)
            let shown = try await cadreAPI.send(.GET, "/api/v1/seatings?year=2025").json
            #expect(shown["linesHidden"] as? Bool == false && (shown["lines"] as? [Any])?.isEmpty == false)

            // the form says it in Chinese and keeps what was typed
            let bureau = Browser(app)
            try await bureau.login("bureau")
            _ = try await bureau.get("/seats?year=2024")
            let form = try await bureau.post(
                "/seats/rules",
                [("year", "2024"), ("version", "0"), ("measure", "contractInvestment"), ("completion", "百分百"), ("negotiating", "1")])
            #expect(form.status == .unprocessableEntity && form.body.string.contains("完成席门槛请填写百分数") && form.body.string.contains("百分百"))
            let ok = try await bureau.post(
                "/seats/rules",
                [
                    ("year", "2024"), ("version", "0"), ("measure", "projectsSigned"), ("completion", "90"), ("negotiating", "2"),
                    ("zeroEffect.noAward", "on"), ("zeroEffect.bonus", "5000"),
                ])
            #expect(ok.status == .seeOther)
            let stored = try await SeatingService.rules(scope: "420800", year: 2024, on: app.db)
            #expect(stored.rules.measure == .projectsSigned && stored.rules.completionPermille == 900)
            #expect(
                stored.rules.consequences[.zeroEffect] == .init(awardEligible: false, bonusWithheldPerPerson: Money(minorUnits: 500_000)))
            let page = try await bureau.get("/seats?year=2024").body.string
            #expect(page.contains("以签约项目数（经招商局核验）决定座次") && page.contains("90.0%") && page.contains("<svg"))
            let svg = try await bureau.get("/seats/hall.svg?year=2024")
            #expect(svg.headers.contentType?.subType == "svg+xml" && svg.body.string.contains("零效果席"))
        }
    }
}
