import Domain
import Foundation

/// 工单 (or an enterprise's 我的诉求): the views as tabs, the kinds, the filter panel (kept in the
/// URL), "共 N 条", the table with its sortable columns, the pager.
enum WorkOrderListView {
    struct Model {
        var rows: [WorkOrderList.Row]
        var view: WorkOrderList.View
        var kind: WorkOrderKind?
        var filter: WorkOrderList.Filter
        var count: Int
        var page: Int
        var hasMore: Bool
        var today: CivilDate
        /// Responsible units to filter by (for those who read the whole jurisdiction).
        var units: [(value: String, label: String)]
        var condense: WorkOrderViews.Condense?
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let lang = context.lang
        let (view, kind) = (model.view, model.kind)
        var views: [WorkOrderList.View] = [.todo, .mine, .overdue, .all]
        if context.may(.manage, .workOrder) { views.insert(.unrouted, at: 0) }
        if !context.worksInside { views = [.mine] }
        let titles = views.map { ($0, $0.label(lang)) }
        // the view, the kind and the filter travel together in every link of the page
        let here = model.filter.query.merging(["view": view.rawValue, "kind": kind?.rawValue ?? ""]) { $1 }
        let tabs = titles.map { tab, title -> HNode in
            el(
                "li", [],
                el(
                    "a",
                    [.href(SiteURL.workOrders.with(query: here.merging(["view": tab.rawValue]) { $1 }))]
                        + (tab == view ? [.aria("current", "page")] : []),
                    text(title)))
        }
        // one kind at a time: 改革事项 gives the reform list with owners and progress [002]
        let shown = context.worksInside ? WorkOrderKind.allCases : context.user.map { AccessPolicy.kindsToSubmit($0.roles) } ?? []
        let kinds = ([nil] + shown.map(Optional.some)).map { k -> HNode in
            el(
                "a",
                [.href(SiteURL.workOrders.with(query: here.merging(["kind": k?.rawValue ?? ""]) { $1 }))]
                    + (k == kind ? [.aria("current", "true"), .cls("current")] : []),
                text(k?.label(lang) ?? lang("全部类型", "All kinds")))
        }
        let headers = [
            lang("编号", "No."), lang("类型", "Kind"), lang("事项", "Item"), lang("责任单位", "Unit"), lang("提交日期", "Submitted"),
            lang("期限", "Due"), lang("状态", "Status"),
        ]
        let sorts: [WorkOrderList.Sort?] = [.number, nil, nil, nil, .submitted, .deadline, nil]
        let current = model.filter.sort ?? (view == .mine || view == .all ? .submitted : .deadline)
        let descending = model.filter.sort == nil ? current == .submitted : model.filter.descending
        let heads = zip(headers, sorts).map { title, sort in
            sort.map {
                ListViews.sortLink(
                    title, sort: $0.rawValue, current: current.rawValue, descending: descending, url: .workOrders, query: here)
            } ?? text(title)
        }
        let table = Components.table(
            headers, model.rows.map { row(model, $0, lang) }, empty: lang("没有事项。", "Nothing here."), dates: [4, 5], heads: heads)
        return Layout.page(
            context.worksInside ? lang("工单", "Work orders") : lang("我的诉求", "My requests"), context: context,
            content: [
                el("p", [.cls("actions")], children: actions(context)), el("ul", [.cls("tabs")], children: tabs),
                el("p", [.cls("kinds small")], children: kinds),
                filters(model, here, lang),
                el(
                    "p", [.cls("totals")],
                    children: [ListViews.count(model.count, ("条", "items"), lang)]
                        + ListViews.exportLinks(.workOrders, query: here, resource: .workOrder, context)),
                model.condense.map { WorkOrderViews.condenseForm(table, $0, context: context) } ?? table,
                Components.pager(.workOrders, query: here, page: model.page, hasMore: model.hasMore, lang),
            ])
    }

    static func actions(_ context: PageContext) -> [HNode] {
        let lang = context.lang
        var actions: [HNode] = []
        if context.may(.write, .workOrder) {
            let new = context.worksInside ? lang("提出事项", "New item") : lang("提出诉求", "New request")
            actions.append(link(.workOrderNew, new, [.cls("button primary")]))
        }
        // the board counts per unit are published (§8); those outside reach it by its address
        if context.worksInside { actions.append(link(.workOrderBoard, lang("部门责任榜", "Accountability board"), [.cls("button")])) }
        if context.may(.manage, .workOrder) {
            actions += [
                link(.demandLinks, lang("企业直通车链接", "Enterprise links"), [.cls("button")]),
                link(.routingRules, lang("分办规则", "Routing rules"), [.cls("button")]),
                link(.webhooks, lang("群机器人推送", "Group robots"), [.cls("button")]),
            ]
        }
        return actions
    }

    static func row(_ model: Model, _ row: WorkOrderList.Row, _ lang: Lang) -> [HNode] {
        var status: [HNode] = [text(row.status.label(lang))]
        if row.isLate(today: model.today) { status.append(el("span", [.cls("tag late")], text(lang("超期", "Late")))) }
        if row.status != .answered, row.status != .closed, let deadline = CivilDate(row.deadline) {
            let escalation = WorkOrderService.clock.escalation(deadline: deadline, today: model.today)
            if escalation != .none { status.append(el("span", [.cls("tag late")], text(escalation.label(lang)))) }
        }
        if row.reopenCount > 0 {
            status.append(el("span", [.cls("tag")], text(lang("重办 \(row.reopenCount) 次", "Reopened \(row.reopenCount)×"))))
        }
        let number =
            model.condense != nil && row.kind == .supervisorLetter && row.status == .submitted
            ? el(
                "label", [.cls("check")],
                voidEl(
                    "input",
                    [.type("checkbox"), .name("letters[]"), .value(row.id.uuidString)]
                        + (model.condense?.checked.contains(row.id.uuidString) == true ? [.flag("checked")] : [])),
                text(row.number)) : text(row.number)
        return [
            number, text(row.kind.label(lang)), link(.workOrder(row.id), row.title),
            text(row.unitName ?? lang("待分办", "Not routed")), text(row.submittedOn), text(row.deadline),
            el("span", [.cls("chips")], children: status),
        ]
    }

    /// The filter panel: folded until something narrows the view; a plain GET form (no script).
    static func filters(_ model: Model, _ here: [String: String], _ lang: Lang) -> HNode {
        let form = FormState(values: model.filter.query)
        let statuses = WorkOrderStatus.allCases.map { ($0.rawValue, $0.label(lang)) }
        var fields: [HNode] = [Components.field("q", lang("关键词（编号、事项、企业、提出人）", "Keyword"), form, lang, type: "search")]
        if !model.units.isEmpty {
            fields.append(Components.select("responsible", lang("责任单位", "Unit"), model.units, form, lang, blank: lang("全部", "All")))
        }
        fields += [
            Components.select("status", lang("状态", "Status"), statuses, form, lang, blank: lang("全部", "All")),
            Components.field("from", lang("提交日期自", "Submitted from"), form, lang, type: "date"),
            Components.field("to", lang("提交日期至", "Submitted to"), form, lang, type: "date"),
        ]
        let hidden: [HNode] = [
            ("view", here["view"] ?? ""), ("kind", here["kind"] ?? ""), ("sort", here["sort"] ?? ""), ("dir", here["dir"] ?? ""),
        ]
        .filter { !$0.1.isEmpty }.map { name, value in voidEl("input", [.type("hidden"), .name(name), .value(value)]) }
        return el(
            "details", [.cls("panel filters")] + (model.filter.narrows ? [.flag("open")] : []),
            el("summary", [], text(lang("筛选条件", "Filters"))),
            el(
                "form", [.get, .action(.workOrders)],
                el("div", [.cls("grid-auto")], children: fields),
                el(
                    "p", [.cls("actions")],
                    children: hidden + [
                        Components.submit(lang("筛选", "Filter"), cls: "primary"),
                        el("a", [.href(SiteURL.workOrders.with(query: ["view": here["view"] ?? ""]))], text(lang("清除条件", "Clear"))),
                    ])))
    }
}
