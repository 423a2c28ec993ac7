import Domain
import Vapor

extension LeadList {
    enum Sort: String, CaseIterable, Sendable {
        /// 提交日期 (the default, newest first)
        case submitted
        /// 意向投资 in CNY
        case amount
        /// 企业名称
        case name
        /// 首次响应时限
        case respondBy
    }

    /// What the lead list is narrowed to, kept in the URL so that a list can be bookmarked and sent.
    struct Filter: Sendable, Equatable {
        enum State: String, CaseIterable, Sendable { case open, closed, all }
        var state: State = .open
        var overdueOnly = false
        var keyword = ""
        /// The submitting unit (for those who read the whole jurisdiction; everyone else sees their own).
        var unit: UUID?
        /// The submitter.
        var person: UUID?
        var channel: LeadChannel?
        /// A GB/T 4754 code or its start.
        var industry = ""
        /// Bounds of the intended investment in CNY minor units (typed in 万元).
        var minAmount: Int64?
        var maxAmount: Int64?
        /// Bounds of the submission date.
        var from: CivilDate?
        var to: CivilDate?
        var sort = Sort.submitted
        var descending = true
        var page = 1

        init(state: State = .open, overdueOnly: Bool = false, page: Int = 1) {
            (self.state, self.overdueOnly, self.page) = (state, overdueOnly, page)
        }

        /// Every value checked; a wrong one is a 400 naming its parameter.
        init(_ request: Request) throws {
            state = try request.queryChoice("state", State.self) ?? .open
            overdueOnly = try request.queryFlag("overdue")
            keyword = request.queryKeyword()
            (unit, person) = (try request.queryID("unit"), try request.queryID("person"))
            channel = try request.queryChoice("channel", LeadChannel.self)
            industry = try request.queryIndustry()
            (minAmount, maxAmount) = (try request.queryWan("min"), try request.queryWan("max"))
            (from, to) = (try request.queryDate("from"), try request.queryDate("to"))
            sort = try request.queryChoice("sort", Sort.self) ?? .submitted
            descending = try request.queryDescending()
            page = try request.queryPage()
        }

        var needsRates: Bool { minAmount != nil || maxAmount != nil || sort == .amount }

        /// The whole filtered set, whatever its page and order: what the count and totals read.
        var unsorted: Filter {
            var whole = self
            (whole.page, whole.sort, whole.descending) = (1, .submitted, true)
            return whole
        }

        /// Whether anything beyond the state tabs narrows the list (the filter panel opens then).
        var narrows: Bool {
            !keyword.isEmpty || unit != nil || person != nil || channel != nil || !industry.isEmpty || minAmount != nil
                || maxAmount != nil || from != nil || to != nil
        }

        var query: [String: String] {
            [
                "state": state.rawValue, "overdue": overdueOnly ? "1" : "", "q": keyword, "unit": unit?.uuidString ?? "",
                "person": person?.uuidString ?? "", "channel": channel?.rawValue ?? "", "industry": industry,
                "min": ListQuery.wanText(minAmount), "max": ListQuery.wanText(maxAmount), "from": from?.description ?? "",
                "to": to?.description ?? "", "sort": sort == .submitted ? "" : sort.rawValue, "dir": descending ? "" : "asc",
            ]
        }
    }
}
