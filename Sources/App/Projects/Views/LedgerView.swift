import Domain
import Foundation

/// 项目台账: the filter bar, "共 N 个" with the totals of the filtered set, the table with its
/// sortable columns (money one unit a column, `AmountColumn`) and a totals row, and the pager.
enum LedgerView {
    struct Model {
        var filter: ProjectLedger.Filter
        var rows: [ProjectLedger.Row]
        var hasMore: Bool
        var totals: ProjectLedger.Totals
        var hosts: [(value: String, label: String)]
        var readsAll: Bool
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let lang = context.lang
        let t = model.totals
        let rows = model.rows
        // one unit per money column, fitted to the amounts it shows; its total in the same unit
        let investment = AmountColumn.fitting(rows.map(\.investment).filter { $0.currency == .cny })
        let contract = AmountColumn.fitting(rows.compactMap(\.verifiedContract).filter { $0.currency == .cny })
        let funds = AmountColumn.fitting(rows.map(\.fundsVerified))
        let headers = [
            lang("项目", "Project"), lang("承接单位", "Host"), lang("阶段（已核验）", "Stage (verified)"), lang("入库日期", "Accepted"),
            lang("计划投资（\(investment.unit)）", "Investment (\(investment.unit))"),
            lang("合同额·已核验（\(contract.unit)）", "Contract, verified (\(contract.unit))"),
            lang("到位资金·已核验（\(funds.unit)）", "Funds, verified (\(funds.unit))"), lang("最近进展", "Last activity"),
        ]
        let sorts: [ProjectLedger.Sort?] = [.title, nil, .since, .accepted, .amount, nil, nil, .activity]
        let heads = zip(headers, sorts).map { title, sort in sort.map { sortLink(title, $0, model.filter) } ?? text(title) }
        let body = rows.map { row -> [HNode] in
            var stage: [HNode] = [text(row.verifiedStage.label(lang))]
            if row.stage != row.verifiedStage {
                stage.append(
                    el("span", [.cls("tag late")], text(lang("报送\(row.stage.label(lang))·待核验", "reported \(row.stage.label(lang))"))))
            }
            if row.isMajor { stage.append(el("span", [.cls("tag")], text(lang("重大", "Major")))) }
            // no verified funds yet reads "—", like a contract not yet verified
            var fundsCell = row.fundsVerified.minorUnits == 0 && row.fundsMissingRates.isEmpty ? "—" : funds.cell(row.fundsVerified)
            if !row.fundsMissingRates.isEmpty { fundsCell += lang("（缺汇率）", " (rate missing)") }
            return [
                el("div", [], link(.project(row.id), row.title), el("div", [.cls("muted small")], text(row.enterpriseName))),
                text(row.hostName), el("div", [], children: stage), text(row.acceptedOn), text(investment.cell(row.investment)),
                text(row.verifiedContract.map(contract.cell) ?? "—"), text(fundsCell), text(row.lastActivityOn),
            ]
        }
        let foot: [HNode] = [
            text(lang("合计（筛选结果 \(t.count) 个）", "Total (\(t.count) filtered)")), text(""), text(""), text(""),
            text(investment.cell(t.investment.cny)), text(contract.cell(t.contract.cny)), text(funds.cell(t.funds.cny)), text(""),
        ]
        let content: [HNode] = [
            filters(model, lang), summary(t, lang),
            el(
                "div", [.cls("actions")],
                children: ListViews.exportLinks(.projectLedger, query: model.filter.query, resource: .project, context)),
            Components.table(
                headers, body, empty: lang("没有符合条件的项目。", "No project matches."), numeric: [4, 5, 6], dates: [3, 7], heads: heads, foot: foot
            ),
            Components.pager(.projectLedger, query: model.filter.query, page: model.filter.page, hasMore: model.hasMore, lang),
        ]
        return Layout.page(
            lang("项目台账", "Project ledger"),
            crumbs: [.init(title: lang("项目看板", "Pipeline board"), url: .projects), .init(title: lang("项目台账", "Project ledger"), url: nil)],
            context: context, content: content)
    }

    /// "共 N 个项目" and the three totals in prose, with what is counted apart (foreign, unrated).
    static func summary(_ t: ProjectLedger.Totals, _ lang: Lang) -> HNode {
        el(
            "p", [.cls("totals")], ListViews.count(t.count, ("个项目", "projects"), lang),
            ListViews.amount(lang("计划投资", "Investment"), t.investment, lang),
            ListViews.amount(lang("已核验合同额", "Verified contracts"), t.contract, lang),
            ListViews.amount(lang("已核验到位资金", "Verified funds"), t.funds, lang))
    }

    /// A column header that sorts by it; a second click turns the order.
    static func sortLink(_ title: String, _ sort: ProjectLedger.Sort, _ filter: ProjectLedger.Filter) -> HNode {
        ListViews.sortLink(
            title, sort: sort.rawValue, current: filter.sort.rawValue, descending: filter.descending, url: .projectLedger,
            query: filter.query)
    }

    static func filters(_ model: Model, _ lang: Lang) -> HNode {
        let form = FormState(values: model.filter.query)
        let stages = ProjectStage.allCases.map { ($0.rawValue, $0.label(lang)) }
        var fields: [HNode] = [
            Components.field("q", lang("关键词（项目、企业、信用代码）", "Keyword"), form, lang, type: "search"),
            Components.select("host", lang("承接单位", "Host unit"), model.hosts, form, lang, blank: lang("全部", "All")),
            Components.select("stage", lang("阶段（已核验）", "Verified stage"), stages, form, lang, blank: lang("全部", "All")),
            Components.field("industry", lang("行业代码", "Industry code"), form, lang, hint: lang("如 C39", "e.g. C39")),
            Components.field("min", lang("计划投资下限（万元）", "Min (万元)"), form, lang, attrs: [Attr(name: "inputmode", value: "decimal")]),
            Components.field("max", lang("计划投资上限（万元）", "Max (万元)"), form, lang, attrs: [Attr(name: "inputmode", value: "decimal")]),
            Components.field("from", lang("入库日期自", "Accepted from"), form, lang, type: "date"),
            Components.field("to", lang("入库日期至", "Accepted to"), form, lang, type: "date"),
        ]
        if model.readsAll {
            fields.append(ListViews.scopeChoice(form, lang))
        }
        return el(
            "form", [.get, .action(.projectLedger), .cls("panel")],
            el("div", [.cls("grid-auto")], children: fields),
            el(
                "p", [.cls("actions")],
                el(
                    "label", [.cls("check")],
                    voidEl("input", [.type("checkbox"), .name("major"), .value("1")] + (model.filter.majorOnly ? [.flag("checked")] : [])),
                    text(lang("仅重大项目", "Major only"))),
                voidEl("input", [.type("hidden"), .name("sort"), .value(model.filter.sort.rawValue)]),
                voidEl("input", [.type("hidden"), .name("dir"), .value(model.filter.descending ? "desc" : "asc")]),
                Components.submit(lang("筛选", "Filter"), cls: "primary"),
                link(.projectLedger, lang("清除条件", "Clear"))))
    }
}
