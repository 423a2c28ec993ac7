import Domain

enum LeadListView {
    struct Model {
        var filter: LeadList.Filter
        var rows: [LeadDTO]
        var hasMore: Bool
        var today: CivilDate
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let lang = context.lang
        let states: [(LeadList.Filter.State, String)] = [
            (.open, lang("在办", "Open")), (.closed, lang("已办结", "Closed")), (.all, lang("全部", "All")),
        ]
        var tabs: [HNode] = states.map { state, label in
            var query = model.filter.query
            query["state"] = state.rawValue
            let current = state == model.filter.state
            return el("a", [.href(SiteURL.leads.with(query: query)), .cls(current ? "button primary" : "button")], text(label))
        }
        var overdue = model.filter.query
        overdue["overdue"] = model.filter.overdueOnly ? "" : "1"
        tabs.append(
            el(
                "a", [.href(SiteURL.leads.with(query: overdue)), .cls(model.filter.overdueOnly ? "button danger-on" : "button")],
                text(lang("只看逾期", "Overdue only"))))
        if context.may(.write, .lead) {
            tabs.append(el("a", [.href(.leadNew), .cls("button primary")], text(lang("提交线索", "Submit a lead"))))
        }
        // one unit for the column (`AmountColumn`), stated in its header
        let amounts = AmountColumn.fitting(model.rows.map(\.investment).filter { $0.currency == .cny })
        let rows = model.rows.map { lead -> [HNode] in
            let clock = LeadClock(lead, today: model.today)
            return [
                link(.lead(lead.id), lead.enterpriseName),
                text(amounts.cell(lead.investment)),
                text(lead.channel.label(lang)),
                text(lead.submittedOn),
                el(
                    "span", [],
                    children: clock.steps.map { step in
                        el("span", [.cls(step.late ? "tag late" : "tag")], text(step.label.text(lang) + " " + step.deadline.dropFirst(5)))
                    }),
                el("span", [.cls(clock.isLate ? "tag late" : "tag")], text(lead.status.label(lang))),
            ]
        }
        let content: [HNode] = [
            el("div", [.cls("actions")], children: tabs),
            el(
                "p", [.cls("muted")],
                text(
                    lang(
                        "时限按法定工作日计算（含调休上班日）：1亿元以上线索 1 个工作日内响应、3 个工作日研判、5 个工作日反馈。红色为已逾期。",
                        "Deadlines count official working days: ≥1亿元 leads get 1/3/5. Red is overdue."))),
            Components.table(
                [
                    lang("企业", "Enterprise"), lang("意向投资（\(amounts.unit)）", "Investment (\(amounts.unit))"), lang("来源", "Channel"),
                    lang("提交日期", "Submitted"),
                    lang("时限", "Deadlines"), lang("状态", "Status"),
                ],
                rows, empty: lang("没有符合条件的线索。", "No leads match."), numeric: [1], dates: [3]),
            Components.pager(.leads, query: model.filter.query, page: model.filter.page, hasMore: model.hasMore, lang),
        ]
        return Layout.page(lang("招商线索", "Leads"), crumbs: [.init(title: lang("招商线索", "Leads"))], context: context, content: content)
    }
}
