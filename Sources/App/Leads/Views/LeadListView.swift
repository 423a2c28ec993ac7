import Domain

/// 招商线索: the state tabs, the filter panel (kept in the URL), "共 N 条" with the intended
/// investment of the filtered set, the table with its sortable columns and a totals row, the pager.
enum LeadListView {
    struct Model {
        var page: LeadList.Page
        var today: CivilDate
        /// Units to filter by (for those who read the whole jurisdiction) and people of the chosen unit.
        var units: [(value: String, label: String)]
        var persons: [(value: String, label: String)]
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let lang = context.lang
        let filter = model.page.filter
        var tabs: [HNode] = LeadList.Filter.State.allCases.map { state in
            let label = state.label(lang)
            var query = filter.query
            (query["state"], query["page"]) = (state.rawValue, "")
            let current = state == filter.state
            return el("a", [.href(SiteURL.leads.with(query: query)), .cls(current ? "button primary" : "button")], text(label))
        }
        var overdue = filter.query
        overdue["overdue"] = filter.overdueOnly ? "" : "1"
        tabs.append(
            el(
                "a", [.href(SiteURL.leads.with(query: overdue)), .cls(filter.overdueOnly ? "button danger-on" : "button")],
                text(lang("只看逾期", "Overdue only"))))
        if context.may(.write, .lead) {
            tabs.append(el("a", [.href(.leadNew), .cls("button primary")], text(lang("提交线索", "Submit a lead"))))
        }
        tabs += ListViews.exportLinks(.leads, query: filter.query, resource: .lead, context)
        // one unit for the column (`AmountColumn`), stated in its header; the total in the same unit
        let amounts = AmountColumn.fitting(model.page.rows.map(\.investment).filter { $0.currency == .cny })
        let rows = model.page.rows.map { lead -> [HNode] in
            let clock = LeadClock(lead, today: model.today)
            return [
                el(
                    "div", [], link(.lead(lead.id), lead.enterpriseName),
                    el("div", [.cls("muted small")], text(IndustryCodes.label(lead.industryCode)))),
                text(amounts.cell(lead.investment)),
                text(lead.channel.label(lang)),
                text(lead.submittedOn),
                el(
                    "span", [.cls("chips")],
                    children: clock.steps.map { step in
                        el(
                            "span", [.cls(step.late ? "tag late" : "tag")],
                            text(step.label.text(lang) + " " + String(decoding: step.deadline.utf8.dropFirst(5), as: UTF8.self)))
                    }),
                el("span", [.cls(clock.isLate ? "tag late" : "tag")], text(lead.status.label(lang))),
            ]
        }
        let headers = [
            lang("企业", "Enterprise"), lang("意向投资（\(amounts.unit)）", "Investment (\(amounts.unit))"), lang("来源", "Channel"),
            lang("提交日期", "Submitted"), lang("时限", "Deadlines"), lang("状态", "Status"),
        ]
        let sorts: [LeadList.Sort?] = [.name, .amount, nil, .submitted, .respondBy, nil]
        let heads = zip(headers, sorts).map { title, sort in
            sort.map {
                ListViews.sortLink(
                    title, sort: $0.rawValue, current: filter.sort.rawValue, descending: filter.descending, url: .leads, query: filter.query
                )
            } ?? text(title)
        }
        let foot: [HNode] = [
            text(lang("合计（筛选结果 \(model.page.count) 条）", "Total (\(model.page.count) filtered)")),
            text(amounts.cell(model.page.investment.cny)), text(""), text(""), text(""), text(""),
        ]
        let content: [HNode] = [
            el("div", [.cls("actions")], children: tabs),
            filters(model, lang),
            el(
                "p", [.cls("totals")], ListViews.count(model.page.count, ("条线索", "leads"), lang),
                ListViews.amount(lang("意向投资", "Intended investment"), model.page.investment, lang)),
            Components.table(
                headers, rows, empty: lang("没有符合条件的线索。", "No leads match."), numeric: [1], dates: [3], heads: heads, foot: foot),
            Components.pager(.leads, query: filter.query, page: filter.page, hasMore: model.page.hasMore, lang),
            el(
                "p", [.cls("muted small")],
                text(
                    lang(
                        "时限按法定工作日计算（含调休上班日）：1亿元以上线索 1 个工作日内响应、3 个工作日研判、5 个工作日反馈。红色为已逾期。外币按提交当月汇率折算。",
                        "Deadlines count official working days: ≥1亿元 leads get 1/3/5. Red is overdue. Foreign amounts at the month's rate.")
                )),
        ]
        return Layout.page(lang("招商线索", "Leads"), crumbs: [.init(title: lang("招商线索", "Leads"))], context: context, content: content)
    }

    /// The filter panel: folded until something narrows the list, a plain GET form (no script).
    static func filters(_ model: Model, _ lang: Lang) -> HNode {
        let filter = model.page.filter
        let form = FormState(values: filter.query)
        let channels = LeadChannel.allCases.map { ($0.rawValue, $0.label(lang)) }
        var fields: [HNode] = [
            Components.field("q", lang("关键词（企业、信用代码、备注）", "Keyword"), form, lang, type: "search")
        ]
        if !model.units.isEmpty {
            fields.append(Components.select("unit", lang("提交单位", "Unit"), model.units, form, lang, blank: lang("全部", "All")))
        }
        if !model.persons.isEmpty {
            fields.append(Components.select("person", lang("提交人", "Submitter"), model.persons, form, lang, blank: lang("全部", "All")))
        }
        fields += [
            Components.select("channel", lang("来源", "Channel"), channels, form, lang, blank: lang("全部", "All")),
            Components.select("industry", lang("行业", "Industry"), IndustryOptions.all, form, lang, blank: lang("全部", "All")),
            Components.field("min", lang("意向投资下限（万元）", "Min (万元)"), form, lang, attrs: [Attr(name: "inputmode", value: "decimal")]),
            Components.field("max", lang("意向投资上限（万元）", "Max (万元)"), form, lang, attrs: [Attr(name: "inputmode", value: "decimal")]),
            Components.field("from", lang("提交日期自", "Submitted from"), form, lang, type: "date"),
            Components.field("to", lang("提交日期至", "Submitted to"), form, lang, type: "date"),
        ]
        let hidden: [HNode] = [
            ("state", filter.state.rawValue), ("overdue", filter.overdueOnly ? "1" : ""), ("sort", filter.sort.rawValue),
        ]
        .map { name, value in voidEl("input", [.type("hidden"), .name(name), .value(value)]) }
        return el(
            "details", [.cls("panel filters")] + (filter.narrows ? [.flag("open")] : []),
            el("summary", [], text(lang("筛选条件", "Filters"))),
            el(
                "form", [.get, .action(.leads)],
                el("div", [.cls("grid-auto")], children: fields),
                el(
                    "p", [.cls("actions")],
                    children: hidden + [
                        Components.submit(lang("筛选", "Filter"), cls: "primary"),
                        link(.leads, lang("清除条件", "Clear")),
                    ])))
    }
}
