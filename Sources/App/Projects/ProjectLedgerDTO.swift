import Domain
import Vapor

/// What `GET /api/v1/projects/ledger` answers: the page's rows as they are, the totals field by field.
extension ProjectLedger {
    struct TotalDTO: Content {
        /// Everything convertible, in CNY.
        var cny: Money
        /// The foreign part in its own currencies (already inside `cny` where a rate exists).
        var foreign: [Money]
        /// "USD 2026-11": amounts left out of `cny` for want of that month's rate.
        var missingRates: [String]

        init(_ total: ExchangeRates.Total) {
            cny = total.cny
            foreign = total.foreign.values.sorted { $0.currency.rawValue < $1.currency.rawValue }
            missingRates = total.missingMonths
        }
    }

    struct PageDTO: Content {
        var items: [Row]
        var page: Int
        var per: Int
        var hasMore: Bool
        /// Projects in the whole filtered set, and its totals.
        var count: Int
        var investment: TotalDTO
        var verifiedContract: TotalDTO
        var verifiedFunds: TotalDTO

        init(_ page: Page) {
            items = page.rows
            (self.page, per, hasMore) = (page.filter.page, ProjectLedger.perPage, page.hasMore)
            count = page.totals.count
            (investment, verifiedContract, verifiedFunds) = (
                TotalDTO(page.totals.investment), TotalDTO(page.totals.contract), TotalDTO(page.totals.funds)
            )
        }
    }
}
