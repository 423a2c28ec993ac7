import Domain
import Fluent
import FluentSQL
import Testing
import Vapor
import VaporTesting

@testable import App

/// 项目台账: what it counts and totals for a filter is what judging every project one by one
/// says, in CNY at each month's rate, from verified facts only; a bad filter value is a 400 that
/// names it; the page reads "共 N 个" and its totals one unit a column.
@Suite("项目台账：筛选、排序与合计等于逐个项目计算")
struct ProjectLedgerTests {
    @Test func countsAndTotalsAreWhatEveryProjectSays() async throws {
        try await withApp(fixture: false) { app, _ in
            try await DemoCity(seed: 11, scale: .county, logger: app.logger).generate(app: app)
            // two foreign projects: 9000万美元 (about 6.4亿元) and 1.5亿日元, for which no rate is kept
            var all = try await Project.query(on: app.db).sort(\.$acceptedOn).all()
            let (dollars, yen) = (try all[3].requireID(), try all[4].requireID())
            try await app.db.sql.raw(
                "UPDATE projects SET investment_currency = 'USD', investment_minor = \(bind: Int64(90_000_000) * 100) WHERE id = \(bind: dollars)"
            ).run()
            try await app.db.sql.raw(
                "UPDATE projects SET investment_currency = 'JPY', investment_minor = \(bind: Int64(150_000_000) * 100) WHERE id = \(bind: yen)"
            ).run()
            all = try await Project.query(on: app.db).all()
            let funds = try await FundsArrival.query(on: app.db).filter(\.$verifiedBy != nil).all()
            let rates = try await ExchangeRate.table(on: app.db)
            func cny(_ p: Project) -> Int64? { rates.cny(p.investment, on: CivilDate(p.acceptedOn)!)?.minorUnits }
            let park = try #require(all.first { $0.hostStatus == .accepted }?.hostUnitID)
            let bureau = try await LeadListTests.user("demo-bureau", on: app.db)
            let cases: [(String, ProjectLedger.Filter, (Project) -> Bool)] = [
                ("all", .init(), { _ in true }),
                ("signed at a park", .init(hostUnit: park, stage: .signed), { $0.hostUnitID == park && $0.verifiedStage == .signed }),
                ("5000万元 and more", .init(minAmount: 5_000 * 1_000_000), { cny($0).map { $0 >= 5_000 * 1_000_000 } ?? false }),
                ("up to 1亿元", .init(maxAmount: 10_000 * 1_000_000), { cny($0).map { $0 <= 10_000 * 1_000_000 } ?? false }),
                ("industry C", .init(industry: "C"), { $0.industryCode.hasPrefix("C") }),
                (
                    "accepted in 2025", .init(acceptedFrom: CivilDate("2025-01-01"), acceptedTo: CivilDate("2025-12-31")),
                    { $0.acceptedOn.hasPrefix("2025") }
                ),
                ("major", .init(majorOnly: true), { $0.isMajor }),
            ]
            for (label, filter, keeps) in cases {
                let expected = all.filter { $0.jurisdictionCode.hasPrefix(bureau.scope.prefix) && keeps($0) }
                let totals = try await ProjectLedger.totals(bureau, filter, rates: rates, on: app.db)
                #expect(totals.count == expected.count, "\(label)")
                #expect(totals.count > 0, "\(label): the demo city has such projects")
                let investment = rates.total(expected.map { ($0.investment, CivilDate($0.acceptedOn)!) })
                #expect(totals.investment == investment, "\(label)")
                // contracts and funds: what the bureau verified, never what was only reported
                let contract = rates.total(
                    expected.compactMap { p in
                        p.verifiedContract.flatMap { m in p.verifiedSignedOn.flatMap(CivilDate.init).map { (m, $0) } }
                    })
                #expect(totals.contract == contract, "\(label)")
                let ids = Set(expected.compactMap(\.id))
                let arrived = rates.total(funds.filter { ids.contains($0.projectID) }.map { ($0.amount, CivilDate($0.arrivedOn)!) })
                #expect(totals.funds == arrived, "\(label)")
                // every page of rows together is the filtered set, each once
                var seen: [UUID] = []
                var page = 1
                while true {
                    var paged = filter
                    paged.page = page
                    let rows = try await ProjectLedger.rows(bureau, paged, rates: rates, on: app.db)
                    seen += rows.prefix(ProjectLedger.perPage).map(\.id)
                    guard rows.count > ProjectLedger.perPage else { break }
                    page += 1
                }
                #expect(seen.count == expected.count && Set(seen) == ids, "\(label)")
            }
            // the dollars count in CNY at the acceptance month's rate; the yen are named, not guessed
            let whole = try await ProjectLedger.totals(bureau, .init(), rates: rates, on: app.db)
            #expect(whole.investment.foreign[.usd] == Money(minorUnits: 90_000_000 * 100, currency: .usd))
            let yenMonth = String(try #require(all.first { $0.id == yen }).acceptedOn.prefix(7))
            #expect(whole.investment.missingMonths == ["JPY \(yenMonth)"])
            // sorted by amount in CNY, largest first: 9000万美元 ranks as the 6.4亿元 it is; no rate sorts last
            var byAmount = ProjectLedger.Filter(sort: .amount)
            let first = try await ProjectLedger.rows(bureau, byAmount, rates: rates, on: app.db)
            let amounts = first.prefix(ProjectLedger.perPage).map { rates.cny($0.investment, on: CivilDate($0.acceptedOn)!)!.minorUnits }
            #expect(amounts == amounts.sorted(by: >))
            let largest = all.compactMap(cny).max()
            #expect(amounts.first == largest)
            byAmount.descending = false
            byAmount.page = (all.count - 1) / ProjectLedger.perPage + 1
            let last = try await ProjectLedger.rows(bureau, byAmount, rates: rates, on: app.db)
            #expect(last.last?.id == yen)
            // a park's host sees its own projects only, whatever it asks
            let host = try await LeadListTests.user("demo-host", on: app.db)
            let own = try await ProjectLedger.totals(host, .init(mine: true), rates: rates, on: app.db)
            let attractors = try await ProjectAttractor.query(on: app.db).filter(\.$personID == host.personID).all().map(\.projectID)
            let coordinated = try await ProjectCoordinator.query(on: app.db).filter(\.$unitID == host.unitID).all().map(\.projectID)
            let tied = all.filter {
                $0.hostUnitID == host.unitID || $0.leaderID == host.personID || attractors.contains($0.id!) || coordinated.contains($0.id!)
            }
            #expect(own.count == tied.count && own.count < whole.count)
        }
    }

    @Test func thePageReadsItsCountAndTotalsAndRefusesBadValues() async throws {
        try await withApp(fixture: false) { app, _ in
            try await DemoCity(seed: 12, scale: .county, logger: app.logger).generate(app: app)
            let browser = Browser(app)
            try await browser.login("demo-bureau", password: DemoCity.password)
            let bureau = try await LeadListTests.user("demo-bureau", on: app.db)
            let rates = try await ExchangeRate.table(on: app.db)
            let signed = try await ProjectLedger.totals(bureau, .init(stage: .signed), rates: rates, on: app.db)
            let page = try await browser.get("/projects/ledger?stage=signed")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("共 <strong>\(signed.count)</strong> 个项目"))
            #expect(html.contains(ChineseAmount.format(signed.contract.cny)))
            #expect(html.contains("data-label=\"项目\""))  // the cells name their column for the phone's cards
            // the board's "另有 N 个" leads here, filtered to its stage
            #expect(try await browser.get("/projects").body.string.contains("/projects/ledger?stage="))
            // invisible characters and combining marks are typed, searched, never a 500
            for q in ["%E2%80%8B", "x%CD%9Ey", "50%25", "a_b", "%E6%B9%96%E5%8C%97%E4%BC%9F%E5%BE%B7"] {
                #expect(try await browser.get("/projects/ledger?q=\(q)").status == .ok, "\(q)")
            }
            // a zero-width space alone filters nothing
            #expect(try await browser.get("/projects/ledger?q=%E2%80%8B").body.string.contains("共 <strong>"))
            // the API answers the same count and totals, the rows as JSON
            let api = try await APIClient.issue(app, login: "demo-bureau")
            let json = try await api.send(.GET, "/api/v1/projects/ledger?stage=signed&sort=amount").json
            #expect(json["count"] as? Int == signed.count)
            let contract = try #require((json["verifiedContract"] as? [String: Any])?["cny"] as? [String: Any])
            #expect((contract["minorUnits"] as? NSNumber)?.int64Value == signed.contract.cny.minorUnits)
            #expect((json["items"] as? [[String: Any]])?.count == min(signed.count, ProjectLedger.perPage))
            let refusedByAPI = try await api.send(.GET, "/api/v1/projects/ledger?min=5%E4%B8%87")
            #expect(refusedByAPI.status == .badRequest)
            #expect(refusedByAPI.json["code"] as? String == "invalid_query")
            for (query, parameter) in [
                ("min=abc", "min"), ("max=1.234", "max"), ("from=2026-13-01", "from"), ("sort=zzz", "sort"), ("dir=up", "dir"),
                ("stage=done", "stage"), ("industry=C39%3B", "industry"), ("host=x", "host"), ("page=0", "page"),
            ] {
                let refused = try await browser.get("/projects/ledger?\(query)")
                #expect(refused.status == .badRequest, "\(query)")
                #expect(refused.body.string.contains(parameter), "\(query)")
            }
        }
    }
}
