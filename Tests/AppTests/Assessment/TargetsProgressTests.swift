import Domain
import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// 目标任务 and 进度 through the API and the pages: the bureau sets a unit's year (the [000] unit's
/// 2.5亿元), a signing counts only once verified and is credited by the project's split (29.14亿元
/// shared 60/40), the list behind a figure adds up to it, and bad sheets leave nothing written.
@Suite("目标任务与进度：只计已核验，按分成计入单位")
struct TargetsProgressTests {
    static let target: Int64 = 25_000_000_000  // 2.5亿元 in fen

    static func put(_ api: APIClient, _ unit: UUID, _ json: String) async throws -> TestingHTTPResponse {
        try await api.send(.PUT, "/api/v1/units/\(unit)/targets", json: json)
    }

    static func line(_ body: [String: Any], _ measure: String) -> [String: Any]? {
        let units = body["units"] as? [[String: Any]]
        return (units?.first?["lines"] as? [[String: Any]])?.first { $0["measure"] as? String == measure }
    }

    @Test func aSigningCountsOnceVerifiedCreditedByTheSplitAgainstTheTarget() async throws {
        try await withApp { app, _ in
            let (id, w, cadre) = try await ProjectMoneyTests.signed(app)
            let shares = try await ProjectAttractor.query(on: app.db).filter(\.$projectID == id).sort(\.$basisPoints, .descending).all()
            #expect(shares.map(\.basisPoints) == [6_000, 4_000])
            // the 40% attractor works for the park: two units share the project
            let park = try #require(try await Unit.query(on: app.db).filter(\.$name == "东宝工业园").first()?.id)
            try await (app.db as! any SQLDatabase).raw(
                "UPDATE project_attractors SET unit_id = \(bind: park) WHERE id = \(bind: shares[1].id!)"
            ).run()
            let (first, second) = (shares[0].unitID, park)
            let api = try await APIClient.issue(app, login: "bureau")
            let saved = try await Self.put(
                api, first,
                #"{"year":2026,"version":0,"note":"市招商〔2026〕1号","targets":{"contractInvestment":25000000000,"projectsSigned":2}}"#)
            #expect(saved.status == .ok)
            #expect(saved.json["version"] as? Int == 1)

            // reported, not verified: nothing counted yet
            var progress = try await api.send(.GET, "/api/v1/units/\(first)/progress?year=2026").json
            var contract = try #require(Self.line(progress, "contractInvestment"))
            #expect(
                contract["done"] as? Int64 == 0 && contract["target"] as? Int64 == Self.target && contract["pace"] as? String == "behind")

            let report = try #require(
                try await StageReport.query(on: app.db).filter(\.$projectID == id).filter(\.$toStage == .signed).first())
            #expect(try await w.bureau.post("/projects/\(id)/stages/verify", [("report", report.id!.uuidString)]).status == .seeOther)

            // verified: 29.14亿元 shared 60/40, to the fen, as the split apportions it
            let parts = CreditSplit.apportion(291_400_000_000, basisPoints: [6_000, 4_000])
            progress = try await api.send(.GET, "/api/v1/units/\(first)/progress?year=2026").json
            contract = try #require(Self.line(progress, "contractInvestment"))
            #expect(contract["done"] as? Int64 == parts[0])
            #expect(contract["permille"] as? Int64 == Achievement.permille(parts[0], of: Self.target))
            #expect(contract["pace"] as? String == "ahead")
            let items = try #require(contract["items"] as? [[String: Any]])
            #expect(items.compactMap { $0["credited"] as? Int64 }.reduce(0, +) == parts[0])
            #expect(items.first?["projectID"] as? String == id.uuidString && items.first?["whole"] as? Int64 == 291_400_000_000)
            #expect(Self.line(progress, "projectsSigned")?["done"] as? Int == 1)
            #expect(Self.line(progress, "majorProjects")?["done"] as? Int == 1)
            let other = try await api.send(.GET, "/api/v1/units/\(second)/progress?year=2026").json
            #expect(Self.line(other, "contractInvestment")?["done"] as? Int64 == parts[1])
            #expect(parts.reduce(0, +) == 291_400_000_000)
            // the year before holds nothing of it
            let lastYear = try await api.send(.GET, "/api/v1/units/\(first)/progress?year=2025").json
            #expect(Self.line(lastYear, "contractInvestment")?["done"] as? Int64 == 0)

            // the pages say it the bureau's way
            let page = try await w.bureau.get("/progress?year=2026").body.string
            #expect(page.contains("序时进度") && page.contains("超序时") && page.contains("合同投资额（亿元）"))
            let unitPage = try await w.bureau.get("/progress/\(first)?year=2026").body.string
            // the whole contract and the unit's part in one unit for the column
            #expect(unitPage.contains("伟德线路板高多层板项目") && unitPage.contains("总额（亿元）") && unitPage.contains(">29.14<"))
            #expect(unitPage.contains(">17.48<") && unitPage.contains("至本季末目标"))
            // one figure's lines a page at a time; a figure without targets or unknown is refused by name
            let signings = try await w.bureau.get("/progress/\(first)?year=2026&measure=contractInvestment").body.string
            #expect(signings.contains("伟德线路板高多层板项目") && signings.contains("返回全部指标") && !signings.contains("<h2>签约项目数："))
            #expect(unitPage.contains("<h2>签约项目数：") && !unitPage.contains("返回全部指标"))
            #expect(try await w.bureau.get("/progress/\(first)?measure=satisfaction").status == .badRequest)
            let unknown = try await w.bureau.get("/progress/\(first)?measure=AAA")
            #expect(unknown.status == .badRequest && unknown.body.string.contains("measure"))
            #expect(unknown.body.string.contains("projectsProducing，而不是"))
            // a page past the last line says so and leads back
            let past = try await w.bureau.get("/progress/\(first)?year=2026&measure=contractInvestment&page=5").body.string
            #expect(past.contains("此页没有明细") && past.contains("返回全部指标") && past.contains("第 5 页"))
            // a year not begun has no results to read
            #expect(try await api.send(.GET, "/api/v1/progress?year=2027").status == .badRequest)
            #expect(try await w.bureau.get("/targets?year=2027").status == .ok)
            #expect(!page.contains("/progress?year=2027"))
            // the menu marks 目标进度 on a unit's progress, not 单位
            #expect(unitPage.contains(#"<a href="/progress" class="current" aria-current="page">"#))
            let targets = try await w.bureau.get("/targets?year=2026").body.string
            #expect(targets.contains("/targets?year=2027"))
            #expect(targets.contains("合同投资额（亿元）") && targets.contains(">2.50<") && targets.contains("第 1 版"))

            // a cadre reads their own unit's progress, not another's, and sets no target
            #expect(try await cadre.get("/progress/\(first)").status == .ok)
            #expect(try await cadre.get("/progress/\(second)").status == .notFound)
            let cadreAPI = try await APIClient.issue(app, login: "cadre")
            #expect(try await Self.put(cadreAPI, first, #"{"year":2026,"version":1,"targets":{}}"#).status == .forbidden)
            let own = try await cadreAPI.send(.GET, "/api/v1/progress?year=2026").json
            #expect((own["units"] as? [[String: Any]])?.compactMap { $0["unitID"] as? String } == [first.uuidString])
        }
    }

    @Test func aBadSheetIsRefusedWithItsReasonAndNothingIsWritten() async throws {
        try await withApp { app, _ in
            let anqing = try #require(try await Unit.query(on: app.db).filter(\.$name == "安庆市投资促进局").first()?.id)
            let api = try await APIClient.issue(app, login: "bureau")
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$name == "荆门市招商局").first()?.id)
            #expect(try await Self.put(api, unit, #"{"year":2026,"version":0,"targets":{"contractInvestment":25000000000}}"#).status == .ok)
            let refusals: [(String, HTTPStatus, String)] = [
                (#"{"year":2026,"version":1,"targets":{"contractInvestment":-1}}"#, .unprocessableEntity, "不能为负数"),
                (
                    #"{"year":2026,"version":1,"targets":{"contractInvestment":10},"quarters":{"contractInvestment":[5,5,5,5]}}"#,
                    .unprocessableEntity, "超过全年目标"
                ),
                (#"{"year":2026,"version":0,"targets":{"contractInvestment":1}}"#, .conflict, "已被他人修改"),
                (#"{"year":1999,"version":1,"targets":{"contractInvestment":1}}"#, .unprocessableEntity, "年度"),
                (#"{"year":2026,"version":1,"targets":{"satisfaction":90}}"#, .unprocessableEntity, "不下达目标"),
                (#"{"year":2026,"version":1,"note":"a\u202eb","targets":{}}"#, .unprocessableEntity, "控制字符"),
                (#"{"year":2026,"version":1,"targets":{"contractInvestment":"many"}}"#, .badRequest, "targets"),
            ]
            for (json, status, words) in refusals {
                let response = try await Self.put(api, unit, json)
                #expect(response.status == status, "\(json)")
                #expect(response.body.string.contains(words), "\(json): \(response.body.string)")
            }
            // another city's unit is not there for this bureau
            #expect(try await Self.put(api, anqing, #"{"year":2026,"version":0,"targets":{}}"#).status == .notFound)
            // nothing of the refused sheets was written
            let stored = try await TargetService.sheets(year: 2026, units: [unit], on: app.db)[unit]
            #expect(stored?.version == 1 && stored?.sheet.year == [.contractInvestment: Self.target])

            // the form says it in Chinese and keeps what was typed
            let bureau = Browser(app)
            try await bureau.login("bureau")
            _ = try await bureau.get("/targets/\(unit)?year=2026")
            let form = try await bureau.post(
                "/targets/\(unit)", [("year", "2026"), ("version", "1"), ("contractInvestment", "两亿"), ("projectsSigned", "3")])
            #expect(form.status == .unprocessableEntity)
            #expect(form.body.string.contains("合同投资额请填写不小于 0 的数（单位：万元") && form.body.string.contains("两亿"))
            let saved = try await bureau.post(
                "/targets/\(unit)",
                [
                    ("year", "2026"), ("version", "1"), ("contractInvestment", "3亿"), ("contractInvestment.q1", "5000"),
                    ("projectsSigned", "3"),
                ])
            #expect(saved.status == .seeOther)
            let after = try await TargetService.sheets(year: 2026, units: [unit], on: app.db)[unit]
            // "3亿" read as written, the quarter's 5000 in 万元: 1万元 is 1,000,000 fen
            #expect(after?.version == 2 && after?.sheet.year[.contractInvestment] == 30_000 * 1_000_000)
            #expect(after?.sheet.quarters[.contractInvestment] == [5_000 * 1_000_000, 0, 0, 0])
            #expect(after?.sheet.year[.projectsSigned] == 3)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "targets.set").count() == 2)
        }
    }

    /// 分解到干部 on the form: the unit's cadres each get a share; together never more than the unit.
    @Test func theFormSplitsAUnitsYearAmongItsCadres() async throws {
        try await withApp { app, _ in
            let person = try #require(try await Person.query(on: app.db).filter(\.$login == "cadre").first())
            let unit = person.$unit.id
            let cadre = try person.requireID()
            let bureau = Browser(app)
            try await bureau.login("bureau")
            let page = try await bureau.get("/targets/\(unit)?year=2026").body.string
            #expect(page.contains("分解到干部（可选）") && page.contains("cadre.\(cadre).contractInvestment"))
            let over = try await bureau.post(
                "/targets/\(unit)",
                [("year", "2026"), ("version", "0"), ("contractInvestment", "2.5亿"), ("cadre.\(cadre).contractInvestment", "3亿")])
            #expect(over.status == .unprocessableEntity)
            #expect(over.body.string.contains("分解到干部的合同投资额合计 3亿元，超过单位目标 2.5亿元"))
            let typo = try await bureau.post(
                "/targets/\(unit)",
                [("year", "2026"), ("version", "0"), ("contractInvestment", "2.5亿"), ("cadre.\(cadre).contractInvestment", "一亿")])
            #expect(typo.status == .unprocessableEntity && typo.body.string.contains("一亿"))
            let saved = try await bureau.post(
                "/targets/\(unit)",
                [("year", "2026"), ("version", "0"), ("contractInvestment", "2.5亿"), ("cadre.\(cadre).contractInvestment", "1亿")])
            #expect(saved.status == .seeOther)
            let stored = try #require(try await TargetService.sheets(year: 2026, units: [unit], on: app.db)[unit])
            let split = try #require(stored.sheet.cadres[cadre])
            #expect(split == [.contractInvestment: 10_000 * 1_000_000])
            // the form shows the split as saved
            let again = try await bureau.get("/targets/\(unit)?year=2026").body.string
            #expect(again.contains(#"name="cadre.\#(cadre).contractInvestment" value="10,000.00""#))
        }
    }
}
