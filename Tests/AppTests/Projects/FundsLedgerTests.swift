import Domain
import Fluent
import Foundation
import Spreadsheet
import Testing
import Vapor
import VaporTesting

@testable import App

/// 到位资金台账: every arrival of the projects in reach, the verified total apart from what waits —
/// seed [004]'s 4.389亿元 and [003]'s 310万美元 — filtered, paged and exported as the page shows it.
@Suite("到位资金台账：已核验与待核验分列")
struct FundsLedgerTests {
    @Test func theLedgerCountsOnlyVerifiedMoneyAndShowsWhatWaitsApart() async throws {
        try await withApp { app, _ in
            let (id, w, cadre) = try await ProjectMoneyTests.signed(app)
            #expect(try await ProjectMoneyTests.funds(cadre, id, "2026-03-20", "4.389亿").status == .seeOther)
            #expect(try await ProjectMoneyTests.funds(cadre, id, "2026-03-31", "310万", "USD").status == .seeOther)
            let api = try await APIClient.issue(app, login: "bureau")
            func ledger(_ query: String = "") async throws -> [String: Any] {
                try await api.send(.GET, "/api/v1/projects/funds" + query).json
            }
            func cny(_ total: Any?) -> Int64? { ((total as? [String: Any])?["cny"] as? [String: Any])?["minorUnits"] as? Int64 }
            var page = try await ledger()
            #expect(page["count"] as? Int == 2)
            // nothing verified yet: 0 counted; 4.389亿元 waits, the dollars named for want of March's rate
            #expect(cny(page["verified"]) == 0 && cny(page["pending"]) == 43_890_000_000)
            #expect((page["pending"] as? [String: Any])?["missingRates"] as? [String] == ["USD 2026-03"])
            let items = try #require(page["items"] as? [[String: Any]])
            #expect(items.map { $0["arrivedOn"] as? String } == ["2026-03-31", "2026-03-20"])

            let entry = try #require(try await FundsArrival.query(on: app.db).filter(\.$currency == "CNY").first())
            #expect(try await w.bureau.post("/projects/\(id)/funds/verify", [("entry", entry.id!.uuidString)]).status == .seeOther)
            page = try await ledger()
            #expect(cny(page["verified"]) == 43_890_000_000 && cny(page["pending"]) == 0)
            // the filters: by verification and by month
            #expect(try await ledger("?status=pending")["count"] as? Int == 1)
            #expect(try await ledger("?status=verified&from=2026-03-01&to=2026-03-20")["count"] as? Int == 1)
            #expect(try await ledger("?from=2026-04-01")["count"] as? Int == 0)
            #expect(try await api.send(.GET, "/api/v1/projects/funds?status=maybe").status == .badRequest)

            // the page in words, as a cadre of the bureau reads it
            let html = try await w.bureau.get("/projects/funds").body.string
            #expect(html.contains("共 <strong>2</strong> 笔到位资金") && html.contains("已核验 <strong>4.389亿元</strong>"))
            #expect(html.contains("待核验") && html.contains("310万美元") && html.contains("金额（亿元）") && html.contains(">4.39<"))
            // the export holds the same rows: the yuan in the 万元 column, the dollars in their own words
            let csv = try await api.send(.GET, "/api/v1/projects/funds?format=csv").body.string
            #expect(csv.contains("43890.00"), "\(csv)")
            #expect(csv.contains("310万美元") && csv.contains("待核验") && csv.contains("已核验"))
            // someone with no part in the project sees no arrival of it
            _ = try await Fixture.cadre("other-park", unit: "漳河新区", on: app.db)
            let outsider = try await APIClient.issue(app, login: "other-park")
            #expect(try await outsider.send(.GET, "/api/v1/projects/funds").json["count"] as? Int == 0)
            // another city's bureau neither
            let anqing = try await APIClient.issue(app, login: "anqing-bureau")
            #expect(try await anqing.send(.GET, "/api/v1/projects/funds").json["count"] as? Int == 0)
        }
    }
}
