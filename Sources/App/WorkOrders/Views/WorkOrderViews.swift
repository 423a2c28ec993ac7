import Domain
import Foundation

/// Work-order pages: the lists, an item with its timeline, and the accountability board.
enum WorkOrderViews {
    /// 归并: the bureau ticks letters in the unrouted list and forwards them as one suggestion.
    struct Condense {
        var units: [(value: String, label: String)]
        var form: FormState
        var checked: Set<String>
    }

    static func condenseForm(_ table: HNode, _ condense: Condense, context: PageContext) -> HNode {
        let (lang, form) = (context.lang, condense.form)
        return Components.postForm(
            .workOrderCondense, context,
            [table]
                + Components.banner(form, lang) + [
                    el(
                        "fieldset", [.cls("panel")], el("legend", [], text(lang("归并监督员来信", "Condense supervisors' letters"))),
                        el(
                            "p", [.cls("muted small")],
                            text(
                                lang(
                                    "勾选上表中内容相近的监督员来信，归并为一条意见建议，转有关单位限期整改；来信显示“已归并”及去向。",
                                    "Tick letters above that say the same; they go on as one suggestion with a deadline."))),
                        el("div", [], children: Components.errorLine("letters", form, lang)),
                        el(
                            "div", [.cls("grid")], Components.field("title", lang("意见建议", "Suggestion"), form, lang, required: true),
                            Components.select("unit", lang("转办单位", "Unit"), condense.units, form, lang, required: true)),
                        Components.textArea("detail", lang("整改要求", "What must change"), form, lang),
                        Components.submit(lang("归并并转办", "Condense and forward")))
                ])
    }

    static func show(_ model: WorkOrderPage.Model, context: PageContext) -> String {
        let lang = context.lang
        let o = model.order
        var content: [HNode] = []
        if let error = model.error {
            content.append(el("div", [.cls("alert error"), Attr(name: "role", value: "alert")], text(error.text(lang))))
        }
        if model.late {
            content.append(el("div", [.cls("alert warn")], text(lang("已超过办理期限 \(o.deadline)。", "Past its deadline \(o.deadline)."))))
        }
        if model.escalation != .none { content.append(el("div", [.cls("alert warn")], text(model.escalation.label(lang)))) }
        var facts: [(String, HNode)] = [
            (lang("编号", "No."), text(o.number)),
            (lang("类型", "Kind"), text(o.kind.label(lang) + (FactorType(rawValue: o.category).map { " · " + $0.label(lang) } ?? ""))),
            (
                lang("状态", "Status"),
                text(o.status.label(lang) + (o.reopenCount > 0 ? lang("（重办 \(o.reopenCount) 次）", " (reopened \(o.reopenCount)×)") : ""))
            ),
            (lang("提出", "Asked by"), text("\(o.requesterName) · \(o.submittedOn)")),
            (lang("责任单位", "Responsible unit"), text(model.unitName.isEmpty ? lang("待分办", "Not routed") : model.unitName)),
            (lang("办理期限", "Deadline"), text(o.deadline + lang("（\(o.kind.answerDays) 个工作日）", " (\(o.kind.answerDays) working days)"))),
        ]
        if !o.enterpriseName.isEmpty { facts.append((lang("企业", "Enterprise"), text(o.enterpriseName))) }
        if let project = o.projectID, let title = model.projectTitle {
            facts.append((lang("项目", "Project"), link(.project(project), title)))
        }
        if !o.quantityAsked.isEmpty || !o.quantityGranted.isEmpty {
            facts.append(
                (
                    lang("申请 / 落实", "Asked / granted"),
                    text("\(o.quantityAsked.isEmpty ? "—" : o.quantityAsked) / \(o.quantityGranted.isEmpty ? "—" : o.quantityGranted)")
                ))
        }
        facts.append((lang("内容", "Detail"), text(o.detail)))
        if !o.answer.isEmpty {
            facts.append(
                (
                    lang("答复", "Answer"),
                    text(o.answer + (o.answerEvidence.isEmpty ? "" : lang("（佐证：", " (evidence: ") + o.answerEvidence + lang("）", ")")))
                ))
        }
        content.append(el("section", [.cls("panel")], Components.definitionList(facts)))
        if o.status != .answered, o.status != .closed {
            let steps = model.escalationDates.map { "\($0.0.whom(lang)) \($0.1)" }.joined(separator: "；")
            content.append(el("p", [.cls("muted small")], text(lang("逾期未答复逐级督办：", "Escalation if unanswered: ") + steps)))
        }
        content += WorkOrderForms.steps(model, context: context)
        content.append(el("h2", [], text(lang("办理过程", "Timeline"))))
        content.append(
            el(
                "ol", [.cls("timeline")],
                children: model.events.reversed().map { e in
                    el(
                        "li", [], el("div", [.cls("when")], text(e.onDate)),
                        el("div", [.cls("what")], text(stepName(e.step, lang) + " · " + e.actorName)),
                        el("div", [.cls("muted")], text(e.note)))
                }))
        content.append(model.history)
        return Layout.page(
            o.title,
            crumbs: [
                .init(title: context.worksInside ? lang("工单", "Work orders") : lang("我的诉求", "My requests"), url: .workOrders),
                .init(title: o.number),
            ], context: context,
            content: content)
    }

    /// A page under 工单 (the bureau's settings, the board): crumbs back to the list, an
    /// explanation in muted text, then the content.
    static func subpage(_ title: (zh: String, en: String), intro: (zh: String, en: String)?, _ content: [HNode], context: PageContext)
        -> String
    {
        let lang = context.lang
        let name = lang(title.zh, title.en)
        let explanation = intro.map { [el("p", [.cls("muted")], text(lang($0.zh, $0.en)))] } ?? []
        return Layout.page(
            name, crumbs: [.init(title: lang("工单", "Work orders"), url: .workOrders), .init(title: name)], context: context,
            content: explanation + content)
    }

    static func stepName(_ step: String, _ lang: Lang) -> String {
        if step == "submit" { return lang("提出", "Submitted") }
        if step == "merge" { return lang("归并", "Merged") }
        if let escalation = WorkOrderClock.Escalation(rawValue: step) { return lang("逾期督办", "Escalated") + "：" + escalation.label(lang) }
        guard let known = WorkOrderMachine.Step(rawValue: step) else { return step }
        return lang(known.label, known.rawValue)
    }

    static func board(_ lines: [WorkOrderList.BoardLine], context: PageContext) -> String {
        let lang = context.lang
        let table = Components.table(
            [
                lang("责任单位", "Unit"), lang("在办", "Open"), lang("超期未答复", "Overdue"), lang("超期答复", "Answered late"),
                lang("已办结", "Closed"), lang("平均办结天数", "Avg days to close"), lang("重办率", "Reopen rate"), lang("满意率", "Satisfaction"),
            ],
            lines.map { l in
                let days = l.line.averageDaysToCloseTenths.map { "\($0 / 10).\($0 % 10)" } ?? "—"
                return [
                    text(l.unitName), text(String(l.line.open)),
                    l.line.overdue > 0 ? el("span", [.cls("tag late")], text(String(l.line.overdue))) : text("0"),
                    text(String(l.line.late)),
                    text(String(l.line.closed)), text(days), text(Percent.text(l.line.reopenRatePermille.map(Int64.init))),
                    text(Percent.text(l.line.satisfactionPermille.map(Int64.init))),
                ]
            }, empty: lang("本辖区还没有工单。", "No work orders yet."), numeric: [1, 2, 3, 4, 5, 6, 7])
        return subpage(
            ("部门责任榜", "Department accountability board"),
            intro: ("超期按原定期限计算，重办不重新计时；满意率 = 满意确认 ÷（满意确认 + 退回重办）。", "Lateness counts from the original deadline."),
            ListViews.exportLinks(.workOrderBoard, query: [:], resource: .workOrder, context) + [table], context: context)
    }
}
