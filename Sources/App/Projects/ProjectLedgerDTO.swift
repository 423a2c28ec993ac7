import Domain
import Vapor

/// What `GET /api/v1/projects/ledger` answers: field by field, never the row itself.
extension ProjectLedger {
    struct ItemDTO: Content {
        var id: UUID
        var title: String
        var enterpriseName: String
        var industryCode: String
        var stage: ProjectStage
        var verifiedStage: ProjectStage
        var stageSince: String
        var acceptedOn: String
        var investment: Money
        var verifiedContract: Money?
        var verifiedSignedOn: String?
        var isMajor: Bool
        var hostName: String
        var lastActivityOn: String
        /// Verified funds in CNY at each arrival month's rate, and the months without a rate.
        var fundsVerified: Money
        var fundsMissingRates: [String]

        init(_ row: Row) {
            (id, title, enterpriseName, industryCode) = (row.id, row.title, row.enterpriseName, row.industryCode)
            (stage, verifiedStage, stageSince, acceptedOn) = (row.stage, row.verifiedStage, row.stageSince, row.acceptedOn)
            (investment, verifiedContract, verifiedSignedOn) = (row.investment, row.verifiedContract, row.verifiedSignedOn)
            (isMajor, hostName, lastActivityOn) = (row.isMajor, row.hostName, row.lastActivityOn)
            (fundsVerified, fundsMissingRates) = (row.fundsVerified, row.fundsMissingRates)
        }
    }

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
        var items: [ItemDTO]
        var page: Int
        var per: Int
        var hasMore: Bool
        /// Projects in the whole filtered set, and its totals.
        var count: Int
        var investment: TotalDTO
        var verifiedContract: TotalDTO
        var verifiedFunds: TotalDTO

        init(_ page: Page) {
            items = page.rows.map(ItemDTO.init)
            (self.page, per, hasMore) = (page.filter.page, ProjectLedger.perPage, page.hasMore)
            count = page.totals.count
            (investment, verifiedContract, verifiedFunds) = (
                TotalDTO(page.totals.investment), TotalDTO(page.totals.contract), TotalDTO(page.totals.funds)
            )
        }
    }
}
