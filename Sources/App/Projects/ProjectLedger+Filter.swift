import Domain
import Vapor

extension ProjectLedger.Filter {
    /// The filter a request asks for: every value checked, a wrong one a 400 naming its parameter.
    init(_ request: Request) throws {
        keyword = request.queryKeyword()
        hostUnit = try request.queryID("host")
        enterprise = try request.queryID("enterprise")
        stage = try request.queryChoice("stage", ProjectStage.self)
        industry = try request.queryIndustry()
        (minAmount, maxAmount) = (try request.queryWan("min"), try request.queryWan("max"))
        (acceptedFrom, acceptedTo) = (try request.queryDate("from"), try request.queryDate("to"))
        majorOnly = try request.queryFlag("major")
        mine = try request.queryMine()
        sort = try request.queryChoice("sort", ProjectLedger.Sort.self) ?? .since
        descending = try request.queryDescending()
        page = try request.queryPage()
    }
}
