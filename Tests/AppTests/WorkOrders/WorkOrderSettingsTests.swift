import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// The bureau's settings — routing rules, one-time links, group robots — by page and by API,
/// with the same checks on both.
@Suite("工单设置：分办规则、直通车链接、群机器人")
struct WorkOrderSettingsTests {
    @Test func aRoutingRuleRoutesAtSubmissionUntilItIsRemoved() async throws {
        try await withApp { app, _ in
            let bureau = try await APIClient.issue(app, login: "bureau")
            let cadre = try await APIClient.issue(app, login: "cadre")
            let market = try await Fixture.unit("荆门市市场监督管理局", .department, Fixture.jingmen, on: app.db)
            let elsewhere = try await Fixture.unit("安庆市市场监督管理局", .department, Fixture.anqing, on: app.db)
            func rule(_ kind: String, _ category: String, _ unit: UUID) async throws -> TestingHTTPResponse {
                try await bureau.send(
                    .PUT, "/api/v1/routing-rules", json: #"{"kind":"\#(kind)","category":"\#(category)","unitID":"\#(unit.uuidString)"}"#)
            }
            // only factor requests route by category; only units of the jurisdiction; only the bureau
            let byCategory = try await rule("complaint", "land", market)
            #expect(byCategory.status == .unprocessableEntity && byCategory.body.string.contains("category"))
            #expect(try await rule("complaint", "", elsewhere).status == .unprocessableEntity)
            #expect(try await rule("bribe", "", market).status == .unprocessableEntity)
            #expect(
                try await cadre.send(.PUT, "/api/v1/routing-rules", json: #"{"kind":"complaint","unitID":"\#(market.uuidString)"}"#).status
                    == .forbidden)
            let set = try await rule("complaint", "", market)
            #expect(set.status == .ok && set.json["unitName"] as? String == "荆门市市场监督管理局")
            #expect(try await rule("factorRequest", "energy", market).status == .ok)
            let listed = try await bureau.send(.GET, "/api/v1/routing-rules").body.string
            #expect(listed.contains(#""category":"energy""#) && listed.contains(#""kind":"complaint""#))

            // a complaint goes straight to the market regulator, and the unit hears of it
            let complaint = #"{"kind":"complaint","title":"执法检查过多","detail":"一个月内被检查 5 次。"}"#
            let routed = try await cadre.send(.POST, "/api/v1/work-orders", json: complaint)
            #expect((routed.json["workOrder"] as? [String: Any])?["status"] as? String == "routed")

            // removed: the next one waits for the bureau; another jurisdiction's bureau cannot remove it
            let id = try #require(set.json["id"] as? String)
            let anqing = try await APIClient.issue(app, login: "anqing-bureau")
            #expect(try await anqing.send(.DELETE, "/api/v1/routing-rules/\(id)").status == .notFound)
            #expect(try await bureau.send(.DELETE, "/api/v1/routing-rules/\(id)").status == .noContent)
            let waiting = try await cadre.send(.POST, "/api/v1/work-orders", json: complaint)
            #expect((waiting.json["workOrder"] as? [String: Any])?["status"] as? String == "submitted")
            let actions = try await AuditRecord.query(on: app.db).filter(\.$action ~~ ["workorder.rule.set", "workorder.rule.delete"])
                .count()
            #expect(actions == 3)
        }
    }

    @Test func theRoutingPageSaysWhatIsWrongInChinese() async throws {
        try await withApp { app, _ in
            let market = try await Fixture.unit("荆门市市场监督管理局", .department, Fixture.jingmen, on: app.db)
            let bureau = Browser(app)
            try await bureau.login("bureau")
            #expect(try await bureau.get("/work-orders/routing").body.string.contains("尚未设置分办规则"))
            let refused = try await bureau.post(
                "/work-orders/routing", [("kind", "complaint"), ("category", "land"), ("unit", market.uuidString)])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("只有要素保障可按要素类型分办"))
            let saved = try await bureau.post(
                "/work-orders/routing", [("kind", "factorRequest"), ("category", "energy"), ("unit", market.uuidString)])
            #expect(saved.status == .seeOther)
            let page = try await bureau.get("/work-orders/routing").body.string
            #expect(page.contains("要素保障") && page.contains("能耗") && page.contains("荆门市市场监督管理局"))
            let cadre = Browser(app)
            try await cadre.login("cadre")
            #expect(try await cadre.get("/work-orders/routing").status == .forbidden)
        }
    }

    @Test func aLinkIsIssuedOnceAndRobotsKeepTheirKeyToThemselves() async throws {
        try await withApp { app, _ in
            let bureau = try await APIClient.issue(app, login: "bureau")
            #expect(try await bureau.send(.POST, "/api/v1/demand-links", json: #"{"enterpriseName":"  "}"#).status == .unprocessableEntity)
            let issued = try await bureau.send(.POST, "/api/v1/demand-links", json: #"{"enterpriseName":"湖北伟德线路板有限公司"}"#)
            #expect(issued.status == .created)
            let url = try #require(issued.json["url"] as? String)
            // not built from the Host header the caller sends (PUBLIC_URL is not set here)
            #expect(url.hasPrefix("/d/"))
            let path = try #require(url.range(of: "/d/").map { String(url[$0.lowerBound...]) })
            // the link opens for the enterprise; only its digest is stored
            let enterprise = Browser(app)
            #expect(try await enterprise.get(path).body.string.contains("湖北伟德线路板有限公司"))
            let token = String(path.dropFirst(3))
            #expect(try await DemandLink.query(on: app.db).filter(\.$tokenHash == token).count() == 0)

            let unitID = try #require(try await Person.find(try await Fixture.id(of: "bureau", on: app.db), on: app.db)).$unit.id
            // a body without the address is a mistake, not a way to stop the pushes
            let empty = try await bureau.send(.PUT, "/api/v1/units/\(unitID)/robot", json: "{}")
            #expect(empty.status == .unprocessableEntity && empty.json["code"] as? String == "validation_failed")
            let bad = try await bureau.send(.PUT, "/api/v1/units/\(unitID)/robot", json: #"{"url":"ftp://robot.example.com/x"}"#)
            #expect(bad.status == .unprocessableEntity && (bad.json["fields"] as? [String: String])?["url"] != nil)
            let key = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=7f3c-secret"
            #expect(try await bureau.send(.PUT, "/api/v1/units/\(unitID)/robot", json: #"{"url":"\#(key)"}"#).status == .noContent)
            let robots = try await bureau.send(.GET, "/api/v1/robots").body.string
            #expect(robots.contains("qyapi.weixin.qq.com") && !robots.contains("7f3c-secret"))
            #expect(try await bureau.send(.PUT, "/api/v1/units/\(unitID)/robot", json: #"{"url":""}"#).status == .noContent)
            #expect(try await UnitWebhook.query(on: app.db).count() == 0)
        }
    }

    @Test func linkageAndNoticesOverTheAPI() async throws {
        try await withApp { app, _ in
            let bureau = try await APIClient.issue(app, login: "bureau")
            let leader = try await Fixture.id(of: "leader", on: app.db)
            let cadre = try await Fixture.id(of: "cadre", on: app.db)
            let body: (UUID) -> String = { person in #"{"leaderID":"\#(person.uuidString)","enterpriseName":"湖北伟德线路板有限公司"}"# }
            // only a leader of the jurisdiction can be linked
            #expect(try await bureau.send(.POST, "/api/v1/linkage", json: body(cadre)).status == .unprocessableEntity)
            let added = try await bureau.send(.POST, "/api/v1/linkage", json: body(leader))
            #expect(added.status == .created && added.json["since"] as? String == "2026-11-21")
            let standing = try await bureau.send(.GET, "/api/v1/linkage?month=2026-11")
            let line = try #require(
                (try JSONSerialization.jsonObject(with: Data(standing.body.readableBytesView)) as? [[String: Any]])?.first)
            // no contact yet this month: behind
            #expect(line["linkageID"] as? String == added.json["id"] as? String && line["behind"] as? Bool == true)
            let id = try #require(added.json["id"] as? String)
            #expect(try await bureau.send(.POST, "/api/v1/linkage/\(id)/end").status == .noContent)
            #expect(try await bureau.send(.POST, "/api/v1/linkage/\(id)/end").status == .notFound)

            // the inbox read over the API
            try await Notices.send(
                "route", "新分办事项 GD-2026-000001", about: nil, to: .person(cadre), key: "test", at: app.clock.millis, on: app.db)
            let reader = try await APIClient.issue(app, login: "cadre")
            #expect(try await reader.send(.GET, "/api/v1/notices").body.string.contains(#""read":false"#))
            #expect(try await reader.send(.POST, "/api/v1/notices/read").status == .noContent)
            #expect(try await reader.send(.GET, "/api/v1/notices").body.string.contains(#""read":true"#))
        }
    }
}
