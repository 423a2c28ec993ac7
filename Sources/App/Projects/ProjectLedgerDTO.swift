import Domain
import Vapor

/// What `GET /api/v1/projects/ledger` answers: the page's rows as they are, the totals field by field.
extension ProjectLedger {
    struct PageDTO: Content {
        var items: [Row]
        var page: Int
        var per: Int
        var hasMore: Bool
        /// Projects in the whole filtered set, and its totals.
        var count: Int
        var investment: MoneyTotalDTO
        var verifiedContract: MoneyTotalDTO
        var verifiedFunds: MoneyTotalDTO

        init(_ page: Page) {
            items = page.rows
            (self.page, per, hasMore) = (page.filter.page, ProjectLedger.perPage, page.hasMore)
            count = page.totals.count
            (investment, verifiedContract, verifiedFunds) = (
                MoneyTotalDTO(page.totals.investment), MoneyTotalDTO(page.totals.contract), MoneyTotalDTO(page.totals.funds)
            )
        }
    }
}
