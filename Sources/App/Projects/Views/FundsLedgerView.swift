import Domain
import Foundation

/// 到位资金台账: the filter bar, "共 N 笔" with the verified total and what waits, the table (money
/// one unit a column; a foreign amount whole in its own currency) and the pager.
enum FundsLedgerView {
    struct Model {
        var filter: FundsLedger.Filter
        var rows: [FundsLedger.Row]
        var hasMore: Bool
        var totals: FundsLedger.Totals
        var hosts: [(value: String, label: String)]
        var readsAll: Bool
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let lang = context.lang
        let t = model.totals
        let column = AmountColumn.fitting(model.rows.map(\.amount).filter { $0.currency == .cny })
        let headers = [
            lang("到位日期", "Arrived"), lang("项目", "Project"), lang("承接单位", "Host"), lang("金额（\(column.unit)）", "Amount (\(column.unit))"),
            lang("核验", "Verification"), lang("填报人", "Reported by"),
        ]
        let body = model.rows.map { row -> [HNode] in
            var amount: [HNode] = [text(column.cell(row.amount))]
            if row.isForeign { amount.append(el("span", [.cls("tag")], text(lang("外资", "Foreign")))) }
            var state: [HNode] = [
                row.verifiedOn.map { el("span", [.cls("tag")], text(lang("已核验 ", "verified ") + $0)) }
                    ?? el("span", [.cls("tag late")], text(lang("待核验", "Pending")))
            ]
            if row.backFilled { state.append(el("span", [.cls("tag")], text(lang("补录", "Back-filled")))) }
            return [
                text(row.arrivedOn),
                el("div", [], link(.project(row.projectID), row.projectTitle), el("div", [.cls("muted small")], text(row.enterpriseName))),
                text(row.hostName), el("div", [], children: amount), el("div", [], children: state), text(row.reporterName),
            ]
        }
        let content: [HNode] = [
            filters(model, lang),
            el(
                "p", [.cls("totals")], ListViews.count(t.count, ("笔到位资金", "arrivals"), lang),
                ListViews.amount(lang("已核验", "Verified"), t.verified, lang),
                ListViews.amount(lang("另有待核验", "Pending apart"), t.pending, lang)),
            el(
                "div", [.cls("actions")],
                children: ListViews.exportLinks(.fundsLedger, query: model.filter.query, resource: .project, context)),
            Components.table(headers, body, empty: lang("没有符合条件的到位资金。", "No arrival matches."), numeric: [3], dates: [0]),
            Components.pager(.fundsLedger, query: model.filter.query, page: model.filter.page, hasMore: model.hasMore, lang),
        ]
        return Layout.page(
            lang("到位资金台账", "Funds ledger"),
            crumbs: [.init(title: lang("项目看板", "Pipeline board"), url: .projects), .init(title: lang("到位资金台账", "Funds ledger"), url: nil)],
            context: context, content: content)
    }

    static func filters(_ model: Model, _ lang: Lang) -> HNode {
        let form = FormState(values: model.filter.query)
        var fields: [HNode] = [
            Components.field("q", lang("关键词（项目、企业、信用代码）", "Keyword"), form, lang, type: "search"),
            Components.select("host", lang("承接单位", "Host unit"), model.hosts, form, lang, blank: lang("全部", "All")),
            Components.select(
                "status", lang("核验", "Verification"), FundsLedger.Status.allCases.map { ($0.rawValue, $0.label(lang)) }, form, lang,
                blank: lang("全部", "All")),
            Components.field("from", lang("到位日期自", "Arrived from"), form, lang, type: "date"),
            Components.field("to", lang("到位日期至", "Arrived to"), form, lang, type: "date"),
        ]
        if model.readsAll {
            fields.append(ListViews.scopeChoice(form, lang))
        }
        return el(
            "form", [.get, .action(.fundsLedger), .cls("panel")],
            el("div", [.cls("grid-auto")], children: fields),
            el("p", [.cls("actions")], Components.submit(lang("筛选", "Filter"), cls: "primary"), link(.fundsLedger, lang("清除条件", "Clear"))))
    }
}
