import Domain
import Vapor

extension WorkOrderList {
    enum Sort: String, CaseIterable, Sendable {
        /// 期限 (the to-do views' order: most overdue first)
        case deadline
        /// 提交日期 (the mine/all views' order: newest first)
        case submitted
        /// 编号
        case number
    }

    /// What a work-order view is narrowed to, kept in the URL beside the view and the kind.
    struct Filter: Sendable, Equatable {
        /// A word of the title, the enterprise or the requester, or the number (GD-2026-000001).
        var keyword = ""
        /// The responsible unit (for those who read the whole jurisdiction); `responsible` in the URL
        /// (the unrouted view's 归并 form has a `unit` of its own).
        var unit: UUID?
        var status: WorkOrderStatus?
        /// Bounds of the submission date.
        var from: CivilDate?
        var to: CivilDate?
        /// nil: the view's own order.
        var sort: Sort?
        var descending = true

        init() {}

        /// Every value checked; a wrong one is a 400 naming its parameter.
        init(_ request: Request) throws {
            keyword = request.queryKeyword()
            unit = try request.queryID("responsible")
            status = try request.queryChoice("status", WorkOrderStatus.self)
            (from, to) = (try request.queryDate("from"), try request.queryDate("to"))
            sort = try request.queryChoice("sort", Sort.self)
            descending = try request.queryDescending()
        }

        var isEmpty: Bool { self == Filter() }

        /// Whether anything narrows the view (the filter panel opens then).
        var narrows: Bool { !keyword.isEmpty || unit != nil || status != nil || from != nil || to != nil }

        var query: [String: String] {
            [
                "q": keyword, "responsible": unit?.uuidString ?? "", "status": status?.rawValue ?? "", "from": from?.description ?? "",
                "to": to?.description ?? "", "sort": sort?.rawValue ?? "", "dir": sort == nil || descending ? "" : "asc",
            ]
        }
    }
}
