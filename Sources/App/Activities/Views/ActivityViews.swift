import Domain
import Foundation

/// The activity list, the phone-width form to record one, and the to-do list of next steps.
enum ActivityViews {
    struct ListModel {
        var rows: [ActivityList.Row]
        var filter: ActivityList.Filter
        var count: Int
        var hasMore: Bool
        var today: CivilDate
        /// Units to filter by (for those who read the whole jurisdiction) and people of the chosen unit.
        var units: [(value: String, label: String)]
        var persons: [(value: String, label: String)]
    }

    /// 走访活动: the filter panel (kept in the URL), "共 N 条", the table (date sortable), the pager.
    static func list(_ model: ListModel, context: PageContext) -> String {
        let lang = context.lang
        let filter = model.filter
        let headers = [
            lang("日期", "Date"), lang("类型", "Kind"), lang("企业/商协会", "Counterpart"), lang("地点", "City"), lang("成果", "Outcome"),
            lang("下一步", "Next step"), lang("记录人", "By"),
        ]
        var heads = headers.map(text)
        heads[0] = ListViews.sortLink(
            headers[0], sort: "date", current: "date", descending: filter.descending, url: .activities,
            query: filter.query.merging(["sort": ""]) { $1 })
        let content: [HNode] = [
            el(
                "div", [.cls("actions")], link(.activityNew, lang("记录活动", "Record an activity"), [.cls("button primary")]),
                link(.todos, lang("我的待办", "My to-dos"), [.cls("button")])),
            filters(model, lang),
            el(
                "p", [.cls("totals")],
                children: [ListViews.count(model.count, ("条活动", "activities"), lang)]
                    + ListViews.exportLinks(.activities, query: filter.query, resource: .activity, context)),
            Components.table(
                headers,
                model.rows.map { row in
                    [
                        text(row.occurredOn), text(row.activityKind.label(lang)), counterpart(row, lang), text(row.city), text(row.outcome),
                        nextStep(row, today: model.today, lang), text("\(row.ownerName)（\(row.unitName)）"),
                    ]
                }, empty: lang("没有符合条件的活动。", "No activity matches."), dates: [0], heads: heads),
            Components.pager(.activities, query: filter.query, page: filter.page, hasMore: model.hasMore, lang),
        ]
        return Layout.page(
            lang("走访活动", "Activities"), crumbs: [.init(title: lang("走访活动", "Activities"))], context: context, content: content)
    }

    /// The filter panel: the kind always at hand, the rest folded until something narrows the list.
    static func filters(_ model: ListModel, _ lang: Lang) -> HNode {
        let filter = model.filter
        let form = FormState(values: filter.query)
        let kinds = ActivityKind.allCases.map { (value: $0.rawValue, label: $0.label(lang)) }
        let steps: [(value: String, label: String)] = [
            ("open", lang("下一步未完成", "Next step open")), ("late", lang("下一步已逾期", "Next step late")),
        ]
        var fields: [HNode] = [
            Components.select("kind", lang("类型", "Kind"), kinds, form, lang, blank: lang("全部", "All")),
            Components.field("q", lang("关键词（企业、地点、成果、下一步）", "Keyword"), form, lang, type: "search"),
        ]
        if !model.units.isEmpty {
            fields.append(Components.select("unit", lang("记录单位", "Unit"), model.units, form, lang, blank: lang("全部", "All")))
        }
        if !model.persons.isEmpty {
            fields.append(Components.select("person", lang("记录人", "By"), model.persons, form, lang, blank: lang("全部", "All")))
        }
        fields += [
            Components.select("step", lang("下一步", "Next step"), steps, form, lang, blank: lang("全部", "All")),
            Components.field("from", lang("日期自", "From"), form, lang, type: "date"),
            Components.field("to", lang("日期至", "To"), form, lang, type: "date"),
        ]
        return el(
            "details", [.cls("panel filters")] + (filter.narrows || filter.kind != nil ? [.flag("open")] : []),
            el("summary", [], text(lang("筛选条件", "Filters"))),
            el(
                "form", [.get, .action(.activities)],
                el("div", [.cls("grid-auto")], children: fields),
                el(
                    "p", [.cls("actions")], Components.submit(lang("筛选", "Filter"), cls: "primary"),
                    link(.activities, lang("清除条件", "Clear")))))
    }

    static func counterpart(_ row: ActivityList.Row, _ lang: Lang) -> HNode {
        let name = row.counterpart.isEmpty ? "—" : row.counterpart
        if let project = row.projectID { return link(.project(project), name) }
        if let lead = row.leadID { return link(.lead(lead), name) }
        return text(name)
    }

    static func nextStep(_ row: ActivityList.Row, today: CivilDate, _ lang: Lang) -> HNode {
        guard !row.nextStep.isEmpty, let due = row.nextDue else { return text("—") }
        var nodes: [HNode] = [text("\(row.nextStep)（\(due) 前）")]
        if row.nextDoneOn != nil {
            nodes.append(el("span", [.cls("tag attracted")], text(lang("已完成", "Done"))))
        } else if row.isLate(today: today) {
            nodes.append(el("span", [.cls("tag late")], text(lang("逾期", "Late"))))
        }
        return el("span", [], children: nodes)
    }

    static func form(_ form: FormState, context: PageContext) -> String {
        let lang = context.lang
        let kinds = ActivityKind.allCases.map { (value: $0.rawValue, label: $0.label(lang)) }
        let content: [HNode] = [
            Components.postForm(
                .activities, context, cls: "form narrow",
                Components.banner(form, lang) + [
                    voidEl("input", [.type("hidden"), .name("project"), .value(form["project"])]),
                    voidEl("input", [.type("hidden"), .name("lead"), .value(form["lead"])]),
                    el(
                        "div", [.cls("grid")], Components.select("kind", lang("类型", "Kind"), kinds, form, lang, required: true),
                        Components.field("occurredOn", lang("日期", "Date"), form, lang, type: "date", required: true)),
                    el(
                        "div", [.cls("grid")],
                        Components.field("counterpart", lang("企业或商协会", "Enterprise or chamber"), form, lang),
                        Components.field("city", lang("地点（城市）", "City"), form, lang, required: true)),
                    Components.field("participants", lang("参加人员", "Participants"), form, lang),
                    Components.textArea("outcome", lang("洽谈成果", "Outcome"), form, lang),
                    el(
                        "div", [.cls("grid")],
                        Components.field("nextStep", lang("下一步（成为我的待办）", "Next step (becomes my to-do)"), form, lang),
                        Components.field("nextDue", lang("完成期限", "Due"), form, lang, type: "date")),
                    Components.submit(lang("保存", "Save")),
                ])
        ]
        return Layout.page(
            lang("记录活动", "Record an activity"),
            crumbs: [.init(title: lang("走访活动", "Activities"), url: .activities), .init(title: lang("记录活动", "Record"))], context: context,
            content: content)
    }

    static func todos(_ rows: [ActivityList.Row], today: CivilDate, context: PageContext) -> String {
        let lang = context.lang
        let late = rows.filter { $0.isLate(today: today) }.count
        let content: [HNode] = [
            el(
                "p", [.cls("totals")],
                children: [text(lang("共 \(rows.count) 项待办，其中逾期 \(late) 项。", "\(rows.count) open, \(late) late."))]
                    + ListViews.exportLinks(.todos, query: [:], resource: .activity, context)),
            Components.table(
                [lang("期限", "Due"), lang("下一步", "Next step"), lang("来自", "From"), ""],
                rows.map { row in
                    [
                        el(
                            "span", [],
                            children: [text(row.nextDue ?? "")]
                                + (row.isLate(today: today) ? [el("span", [.cls("tag late")], text(lang("逾期", "Late")))] : [])),
                        text(row.nextStep),
                        el("span", [], text("\(row.occurredOn) \(row.activityKind.label(lang)) · "), counterpart(row, lang)),
                        Components.postForm(
                            .activityDone(row.id), context, cls: "inline", [Components.submit(lang("完成", "Done"), cls: "")]),
                    ]
                }, empty: lang("没有待办事项。", "Nothing to do.")),
        ]
        return Layout.page(lang("我的待办", "My to-dos"), crumbs: [.init(title: lang("我的待办", "My to-dos"))], context: context, content: content)
    }
}
