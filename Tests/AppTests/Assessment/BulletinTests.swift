import Domain
import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// 通报 through the API and the pages: drawn from October's published ranking (the [000] unit's
/// 28.00 points from its verified share of 29.14亿元) and from the work order its unit left
/// unanswered into the bulletin step on Friday 30 October; numbered 第 1 期 and 第 2 期 in the year of
/// issue, kept as issued — a later correction changes nothing in it, an edit of the stored
/// snapshot shows as a digest that disagrees — and downloadable as a workbook with the same lines.
@Suite("通报：依据已发布排名印发，按期编号，印发后不变")
struct BulletinTests {
    @Test func aBulletinIsIssuedFromThePublishedRankingAndKeptAsIssued() async throws {
        try await withApp { app, _ in
            let (_, unit, w, cadre, api) = try await RankingTests.targetedAndVerified(app)
            let unitName = try #require(try await Unit.find(unit, on: app.db)).name
            // a demand routed to the unit, due Friday 23 October and never answered: five working days on,
            // 30 October, it went into the bulletin step
            _ = try await cadre.get("/work-orders/new")
            _ = try await cadre.post("/work-orders", [("kind", "enterpriseDemand"), ("title", "招工难"), ("detail", "一周内需 214 人")])
            let order = try #require(try await WorkOrder.query(on: app.db).first())
            _ = try await w.bureau.get("/work-orders/\(order.id!)")
            #expect(
                try await w.bureau.post(
                    "/work-orders/\(order.id!)/steps", [("version", "1"), ("step", "route"), ("unit", unit.uuidString)]
                ).status == .seeOther)
            try await app.db.sql.raw("UPDATE work_orders SET deadline = '2026-10-23' WHERE id = \(bind: order.id!)").run()

            // nothing to issue before the ranking is published
            let early = try await api.send(.POST, "/api/v1/bulletins", json: #"{"period":"2026-10"}"#)
            #expect(early.status == .conflict && early.json["code"] as? String == "ranking_unpublished")
            #expect(try await api.send(.POST, "/api/v1/rankings", json: #"{"period":"2026-10","formulaVersion":0}"#).status == .created)
            let ranking = try await api.send(.GET, "/api/v1/rankings?period=2026-10").json
            // an issuing body with a zero-width space in it is refused, nothing written
            let hidden = try await api.send(.POST, "/api/v1/bulletins", json: #"{"period":"2026-10","issuer":"荆门市\u200B招商局"}"#)
            #expect(hidden.status == .unprocessableEntity && hidden.body.string.contains("看不见的字符"), "\(hidden.status)")
            #expect(try await app.db.sql.raw("SELECT id FROM bulletins").all().isEmpty)

            let issued = try await api.send(.POST, "/api/v1/bulletins", json: #"{"period":"2026-10","issuer":"荆门市招商局"}"#)
            #expect(issued.status == .created && issued.json["year"] as? Int == 2026 && issued.json["number"] as? Int == 1)
            let bulletin = try #require(issued.json["bulletin"] as? [String: Any])
            let digest = try #require(issued.json["digest"] as? String)
            #expect(bulletin["title"] as? String == "关于2026年10月招商引资考核排名情况的通报" && bulletin["issuedOn"] as? String == "2026-11-21")
            let rows = try #require(bulletin["ranking"] as? [[String: Any]])
            #expect(
                rows.contains {
                    $0["unit"] as? String == unitName && $0["score"] as? Int64 == 2_800 && $0["contract"] as? String == "120.0%"
                })
            // the praised are the ranking's first by the stated rule, and only those
            let units = try #require(ranking["units"] as? [[String: Any]])
            let sizes = Dictionary(grouping: units, by: { $0["unitKind"] as? String ?? "" }).mapValues(\.count)
            let expectedPraise = units.filter {
                ($0["score"] as? Int64 ?? 0) > 0
                    && ($0["place"] as? Int ?? 99) <= BulletinRules.praised(of: sizes[$0["unitKind"] as? String ?? ""] ?? 0)
            }.compactMap { $0["unitName"] as? String }
            #expect((bulletin["praise"] as? [[String: Any]])?.compactMap { $0["unit"] as? String } == expectedPraise)
            let criticism = try #require(bulletin["criticism"] as? [[String: Any]])
            #expect(
                criticism.contains { $0["unit"] as? String == unitName && ($0["text"] as? String)?.contains("1 件工单超期未答复进入通报环节") == true })
            let overdue = try #require((bulletin["overdue"] as? [[String: Any]])?.first)
            #expect(
                overdue["number"] as? String == order.number && overdue["reached"] as? String == "2026-10-30" && overdue["answered"] == nil)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "bulletin.issue").first()?.after.contains(digest) == true)

            // once per period; the next period's is 第 2 期
            let again = try await api.send(.POST, "/api/v1/bulletins", json: #"{"period":"2026-10"}"#)
            #expect(again.status == .conflict && again.json["code"] as? String == "bulletin_issued")
            #expect(try await api.send(.POST, "/api/v1/rankings", json: #"{"period":"2026-09","formulaVersion":0}"#).status == .created)
            let september = try await api.send(.POST, "/api/v1/bulletins", json: #"{"period":"2026-09"}"#)
            #expect(september.status == .created && september.json["number"] as? Int == 2)
            #expect((september.json["bulletin"] as? [String: Any])?["issuer"] as? String == "荆门市招商局")

            // the order answered now, the start verified: the issued bulletin does not move
            try await app.db.sql.raw("UPDATE work_orders SET answered_on = '2026-11-20' WHERE id = \(bind: order.id!)").run()
            let read = try await api.send(.GET, "/api/v1/bulletins/2026/1")
            #expect(read.status == .ok && read.json["digest"] as? String == digest && read.json["intact"] as? Bool == true)
            #expect(((read.json["bulletin"] as? [String: Any])?["overdue"] as? [Any])?.count == 1)

            // everyone working in the jurisdiction reads it as a page and the bureau downloads it
            let page = try await cadre.get("/bulletins/2026/1")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("招商引资工作通报") && html.contains("2026年第1期") && html.contains("<thead>") && html.contains("摘要核对一致"))
            #expect(try await cadre.get("/bulletins/2026/1?format=xlsx").status == .forbidden)
            let (sheet, info) = try ExportTests.workbook(try await w.bureau.get("/bulletins/2026/1?format=xlsx"))
            let texts = sheet.map { row in row.cells.values.map { $0.text() } }
            #expect(texts.contains { $0.contains(unitName) && $0.contains("考核排名") && $0.contains("28") })
            #expect(texts.contains { $0.contains("超期工单") && $0.contains { $0.contains(order.number) } })
            #expect(info.contains { $0.cells.values.contains { $0.text().contains(digest) } })
            #expect(try await cadre.get("/bulletins/2026/9").status == .notFound)
            #expect(try await cadre.post("/bulletins", [("period", "2026-08")]).status == .forbidden)

            // an edit of the stored snapshot shows
            try await app.db.sql.raw("UPDATE bulletins SET snapshot = REPLACE(snapshot, '2800', '9800') WHERE number = 1").run()
            #expect(try await api.send(.GET, "/api/v1/bulletins/2026/1").json["intact"] as? Bool == false)
            #expect(try await cadre.get("/bulletins/2026/1").body.string.contains("摘要不一致"))
        }
    }

    @Test func bulletinsIssuedAtOnceAreNumberedWithoutGapOrTwin() async throws {
        try await withApp { app, _ in
            let api = try await APIClient.issue(app, login: "bureau")
            let periods = ["2026-08", "2026-09", "2026-10"]
            for period in periods {
                #expect(
                    try await api.send(.POST, "/api/v1/rankings", json: #"{"period":"\#(period)","formulaVersion":0}"#).status == .created)
            }
            // each period asked three times at once: one bulletin each, the others refused
            let codes = try await withThrowingTaskGroup(of: (String, UInt, Int?).self) { group in
                for period in periods + periods + periods {
                    group.addTask {
                        let r = try await api.send(.POST, "/api/v1/bulletins", json: #"{"period":"\#(period)"}"#)
                        return (period, r.status.code, r.json["number"] as? Int)
                    }
                }
                var all: [(String, UInt, Int?)] = []
                for try await one in group { all.append(one) }
                return all
            }
            #expect(codes.filter { $0.1 == 201 }.count == 3 && codes.filter { $0.1 == 409 }.count == 6)
            #expect(Set(codes.filter { $0.1 == 201 }.map(\.0)) == Set(periods))
            #expect(codes.compactMap(\.2).sorted() == [1, 2, 3])
            let list = try await api.send(.GET, "/api/v1/bulletins").body.string
            #expect(list.contains(#""number":3"#) && !list.contains(#""number":4"#))
        }
    }

    @Test func theBureauPreviewsThenIssuesFromThePage() async throws {
        try await withApp { app, _ in
            let bureau = Browser(app)
            try await bureau.login("bureau")
            let api = try await APIClient.issue(app, login: "bureau")
            var list = try await bureau.get("/bulletins").body.string
            #expect(list.contains("没有待印发的期次"))
            #expect(try await api.send(.POST, "/api/v1/rankings", json: #"{"period":"2026-10","formulaVersion":0}"#).status == .created)
            list = try await bureau.get("/bulletins").body.string
            #expect(list.contains(#"<option value="2026-10""#))
            let draft = try await bureau.get("/bulletins/draft?period=2026-10&issuer=荆门市招商局")
            #expect(draft.status == .ok && draft.body.string.contains("草稿 · 未印发"))
            #expect(try await app.db.sql.raw("SELECT id FROM bulletins").all().isEmpty)
            let bad = try await bureau.get("/bulletins/draft?period=2026-1x")
            #expect(bad.status == .badRequest)
            let short = try await bureau.post("/bulletins", [("period", "2026-10"), ("issuer", "局")])
            #expect(short.status == .unprocessableEntity && short.body.string.contains("发文机关应为 2 至 30 个字"))
            let done = try await bureau.post("/bulletins", [("period", "2026-10"), ("issuer", "荆门市招商局")])
            #expect(done.status == .seeOther && done.headers.first(name: .location) == "/bulletins/2026/1")
            // issued: no preview of it any more, and nothing left to issue — a refusal is said in words
            let again = try await bureau.get("/bulletins/draft?period=2026-10&issuer=荆门市招商局")
            #expect(again.status == .conflict && again.body.string.contains("通报已印发"))
            let hidden = try await bureau.post("/bulletins", [("period", "2026-10"), ("issuer", "荆门市\u{200B}招商局")])
            #expect(hidden.status == .unprocessableEntity && hidden.body.string.contains("发文机关中有看不见的字符"))
        }
    }
}
