import Domain
import Fluent
import FluentSQL
import Testing
import Vapor
import VaporTesting

@testable import App

/// 企业库 filtered: what the registry counts and sums for a filter is what judging every entry
/// one by one says; the page reads "共 N 家企业" with the capital one unit a column.
@Suite("企业库：筛选与合计等于逐家判断")
struct EnterpriseFilterTests {
    @Test func countsAndCapitalAreWhatEveryEntrySays() async throws {
        try await withApp(fixture: false) { app, _ in
            try await DemoCity(seed: 11, scale: .county, logger: app.logger).generate(app: app)
            let all = try await Enterprise.query(on: app.db).all()
            let bureau = try await LeadListTests.user("demo-bureau", on: app.db)
            let ours = all.filter { $0.regionCode.hasPrefix(bureau.scope.prefix) }
            let district = try #require(
                Dictionary(grouping: ours.filter { $0.regionCode != bureau.scope.value }, by: \.regionCode)
                    .max { $0.value.count < $1.value.count }?.key)
            func filter(_ change: (inout EnterpriseSearch.Filter) -> Void) -> EnterpriseSearch.Filter {
                var f = EnterpriseSearch.Filter()
                change(&f)
                return f
            }
            let cases: [(String, String, EnterpriseSearch.Filter, (Enterprise) -> Bool)] = [
                ("all", "", filter { _ in }, { _ in true }),
                ("a district", "", filter { $0.region = district }, { $0.regionCode.hasPrefix(district) }),
                ("manufacturing", "", filter { $0.industry = "C" }, { $0.industryCode.hasPrefix("C") }),
                ("attracted", "", filter { $0.attracted = true }, { $0.attracted }),
                ("not attracted", "", filter { $0.attracted = false }, { !$0.attracted }),
                (
                    "capital 1000万元 and more", "", filter { $0.minCapital = 1_000 * 1_000_000 },
                    { $0.registeredCapitalCurrency == "CNY" && $0.registeredCapitalMinor >= 1_000 * 1_000_000 }
                ),
                ("a word alone", "科技", filter { _ in }, { $0.searchText.contains("科技") }),
                (
                    "a word and an industry", "科技", filter { $0.industry = "C" },
                    { $0.industryCode.hasPrefix("C") && $0.searchText.contains("科技") }
                ),
            ]
            for (label, words, f, keeps) in cases {
                let expected = ours.filter(keeps)
                var search = EnterpriseSearch(query: words, scope: bureau.scope, page: 1, per: 20)
                search.filter = f
                let totals = try await search.totals(on: app.db)
                #expect(totals.count == expected.count && totals.count > 0, "\(label): \(totals.count) of \(expected.count)")
                let sums = Dictionary(grouping: expected, by: \.registeredCapitalCurrency).mapValues {
                    $0.reduce(0) { $0 + $1.registeredCapitalMinor }
                }
                #expect(Dictionary(uniqueKeysWithValues: totals.capital.map { ($0.currency.rawValue, $0.minorUnits) }) == sums, "\(label)")
                let page = try await search.run(on: app.db)
                let ids = Set(expected.compactMap(\.id))
                #expect(page.items.allSatisfy { ids.contains($0.id) } && page.items.count == min(20, expected.count), "\(label)")
            }
            // another jurisdiction's district holds nothing of this one — not the whole of it
            var elsewhere = EnterpriseSearch(query: "", scope: bureau.scope, page: 1, per: 20)
            elsewhere.filter.region = "340802"
            #expect(try await elsewhere.totals(on: app.db).count == 0)
            #expect(try await elsewhere.run(on: app.db).items.isEmpty)
            #expect(try await elsewhere.exportChunk(after: nil, limit: 100, on: app.db).isEmpty)
            // a word nearly every entry holds is counted up to the bound only, without a capital sum
            let broad = ours.filter { $0.searchText.contains("有限") }.count
            #expect(broad > EnterpriseSearch.wordsBound)
            let capped = try await EnterpriseSearch(query: "有限", scope: bureau.scope, page: 1, per: 20).totals(on: app.db)
            #expect(capped.capped && capped.count == EnterpriseSearch.wordsBound && capped.capital.isEmpty)
            // largest capital first on request
            var byCapital = EnterpriseSearch(query: "", scope: bureau.scope, page: 1, per: 20)
            byCapital.filter.sort = .capital
            let top = try await byCapital.run(on: app.db).items.map(\.registeredCapital.minorUnits)
            let largest = ours.filter { $0.registeredCapitalCurrency == "CNY" }.map(\.registeredCapitalMinor).sorted(by: >).prefix(20)
            #expect(top == Array(largest))
            let browser = Browser(app)
            try await browser.login("demo-bureau", password: DemoCity.password)
            let html = try await browser.get("/enterprises?attracted=1").body.string
            #expect(html.contains("共 <strong>\(ours.filter(\.attracted).count)</strong> 家企业"))
            #expect(try await browser.get("/enterprises?attracted=yes").status == .badRequest)
            #expect(try await browser.get("/enterprises?q=有限").body.string.contains("2000 家以上（请加条件缩小范围后查看合计）"))
            let api = try await APIClient.issue(app, login: "demo-bureau")
            let json = try await api.send(.GET, "/api/v1/enterprises?q=%E6%9C%89%E9%99%90").json
            #expect(json["countCapped"] as? Bool == true && json["count"] as? Int == EnterpriseSearch.wordsBound)
        }
    }
}
