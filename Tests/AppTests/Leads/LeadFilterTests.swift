import Domain
import Fluent
import FluentSQL
import Testing
import Vapor
import VaporTesting

@testable import App

/// 招商线索 filtered, sorted and totalled: what the list counts and sums for a filter is what
/// judging every lead one by one says (CNY at the submission month's rate); a cadre's list stays
/// their unit's whatever the URL asks; a bad value is a 400 naming it; the page reads "共 N 条".
@Suite("线索列表：筛选、排序与合计等于逐条计算")
struct LeadFilterTests {
    @Test func countsAndTotalsAreWhatEveryLeadSays() async throws {
        try await withApp(fixture: false) { app, _ in
            try await DemoCity(seed: 11, scale: .county, logger: app.logger).generate(app: app)
            // two foreign leads: 9000万美元, and 1.5亿日元 for which no rate is kept
            var all = try await Lead.query(on: app.db).sort(\.$submittedOn).all()
            let (dollars, yen) = (try all[3].requireID(), try all[4].requireID())
            try await app.db.sql.raw(
                "UPDATE leads SET investment_currency = 'USD', investment_minor = \(bind: Int64(90_000_000) * 100) WHERE id = \(bind: dollars)"
            ).run()
            try await app.db.sql.raw(
                "UPDATE leads SET investment_currency = 'JPY', investment_minor = \(bind: Int64(150_000_000) * 100) WHERE id = \(bind: yen)"
            ).run()
            all = try await Lead.query(on: app.db).all()
            let rates = try await ExchangeRate.table(on: app.db)
            func cny(_ l: Lead) -> Int64? { rates.cny(l.investment, on: CivilDate(l.submittedOn)!)?.minorUnits }
            let bureau = try await LeadListTests.user("demo-bureau", on: app.db)
            let busiest = Dictionary(grouping: all, by: \.submitterUnitID).max { $0.value.count < $1.value.count }!.key
            let channel = try #require(all.first?.channel)
            let today = app.clock.today
            func filter(_ change: (inout LeadList.Filter) -> Void) -> LeadList.Filter {
                var f = LeadList.Filter(state: .all)
                change(&f)
                return f
            }
            let cases: [(String, LeadList.Filter, (Lead) -> Bool)] = [
                ("all", filter { _ in }, { _ in true }),
                ("open", filter { $0.state = .open }, { $0.status.isOpen }),
                ("one unit", filter { $0.unit = busiest }, { $0.submitterUnitID == busiest }),
                ("one channel", filter { $0.channel = channel }, { $0.channel == channel }),
                ("industry C", filter { $0.industry = "C" }, { $0.industryCode.hasPrefix("C") }),
                ("5000万元 and more", filter { $0.minAmount = 5_000 * 1_000_000 }, { cny($0).map { $0 >= 5_000 * 1_000_000 } ?? false }),
                ("up to 1亿元", filter { $0.maxAmount = 10_000 * 1_000_000 }, { cny($0).map { $0 <= 10_000 * 1_000_000 } ?? false }),
                (
                    "submitted in 2026", filter { ($0.from, $0.to) = (CivilDate("2026-01-01"), CivilDate("2026-12-31")) },
                    { $0.submittedOn.hasPrefix("2026") }
                ),
                ("keyword 有限公司", filter { $0.keyword = "有限公司" }, { $0.enterpriseName.contains("有限公司") || $0.notes.contains("有限公司") }),
            ]
            for (label, f, keeps) in cases {
                let expected = all.filter { $0.jurisdictionCode.hasPrefix(bureau.scope.prefix) && keeps($0) }
                let totals = try await LeadList.totals(bureau, f, today: today, rates: rates, on: app.db)
                #expect(totals.count == expected.count && totals.count > 0, "\(label): \(totals.count) of \(expected.count)")
                #expect(totals.total == rates.total(expected.map { ($0.investment, CivilDate($0.submittedOn)!) }), "\(label)")
            }
            // the foreign leads: the dollars converted at their month's rate, the yen named as unrated
            let whole = try await LeadList.totals(bureau, filter { _ in }, today: today, rates: rates, on: app.db)
            #expect(whole.total.foreign[.usd]?.minorUnits == Int64(90_000_000) * 100)
            #expect(whole.total.missingMonths.contains { $0.hasPrefix("JPY") })
            // largest first by CNY; the unrated yen last
            var byAmount = filter { _ in }
            byAmount.sort = .amount
            let page = try await LeadList.rows(for: bureau, filter: byAmount, today: today, on: app.db)
            let amounts = all.filter { $0.jurisdictionCode.hasPrefix(bureau.scope.prefix) }.map { cny($0) ?? -1 }.sorted(by: >)
            let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id!, cny($0) ?? -1) })
            #expect(page.prefix(LeadList.perPage).map { byID[$0.id]! } == Array(amounts.prefix(LeadList.perPage)))
            // a cadre's list is their unit's, whatever unit the URL names
            let cadreLead = try #require(all.first { $0.submitterUnitID != busiest })
            let cadre = try #require(try await Person.query(on: app.db).filter(\.$id == cadreLead.submitterID).with(\.$unit).first())
            let asCadre = CurrentUser(
                personID: try cadre.requireID(), login: "", name: cadre.name, unitID: cadre.$unit.id, unitName: cadre.unit.name,
                roles: [.cadre], scope: try JurisdictionCode(cadre.unit.jurisdictionCode), csrfToken: nil)
            let theirs = try await LeadList.totals(asCadre, filter { $0.unit = busiest }, today: today, rates: rates, on: app.db)
            #expect(theirs.count == all.filter { $0.submitterUnitID == cadreLead.submitterUnitID }.count)
        }
    }

    @Test func thePageAndTheAPIReadTheSameFilteredSet() async throws {
        try await withApp { app, _ in
            for (index, name) in ["湖北伟德线路板有限公司", "荆门精密模具有限公司", "东宝新材料有限公司"].enumerated() {
                let cadre = Browser(app)
                try await cadre.login("cadre")
                _ = try await cadre.get("/leads/new")
                // 5亿, 6亿, 7亿
                let form = LeadTests.weide.map {
                    $0.0 == "enterpriseName" ? ($0.0, name) : $0.0 == "investment" ? ($0.0, "\(5 + index)亿") : $0
                }
                #expect(try await cadre.post("/leads", form).status == .seeOther)
            }
            let api = try await APIClient.issue(app, login: "bureau")
            let answer = try await api.send(.GET, "/api/v1/leads?state=all&min=55000")
            struct Page: Decodable {
                struct Item: Decodable { var enterpriseName: String }
                struct Total: Decodable { var cny: Money }
                var items: [Item]
                var count: Int
                var investment: Total
            }
            #expect(answer.status == .ok, "\(answer.body.string)")
            let page = try answer.content.decode(Page.self)
            #expect(page.count == 2 && page.investment.cny == Money(minorUnits: 1_300_000_000 * 100))
            #expect(Set(page.items.map(\.enterpriseName)) == ["荆门精密模具有限公司", "东宝新材料有限公司"])
            // a zero-width space inside the word, or a combining mark, never a 500
            for q in ["精密\u{200B}模具", "e\u{0301}\u{0301}", "50%_!"] {
                let encoded = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let found = try await api.send(.GET, "/api/v1/leads?state=all&q=\(encoded)")
                #expect(found.status == .ok, "\(q)")
                if q.hasPrefix("精密") { #expect(try found.content.decode(Page.self).count == 1) }
            }
            for bad in ["min=abc", "industry=C39%3BDROP", "from=2026-02-30", "sort=size", "channel=fax", "dir=up"] {
                let refused = try await api.send(.GET, "/api/v1/leads?\(bad)")
                #expect(refused.status == .badRequest && refused.body.string.contains("invalid_query"), "\(bad)")
            }
            let bureau = Browser(app)
            try await bureau.login("bureau")
            let html = try await bureau.get("/leads?state=all&min=55000&sort=amount").body.string
            #expect(html.contains("共 <strong>2</strong> 条线索") && html.contains("13亿元"))
            // largest first: 7亿 before 6亿
            let east = try #require(html.range(of: "东宝新材料")), jingmen = try #require(html.range(of: "荆门精密模具"))
            #expect(east.lowerBound < jingmen.lowerBound)
        }
    }
}
