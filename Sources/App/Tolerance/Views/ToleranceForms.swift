import Domain
import Foundation

/// A case's forms: the checklist (the bureau and inspectors, while open), and the inspector's
/// decision, clearing of name and follow-up visits.
enum ToleranceForms {
    static func version(_ c: ToleranceCaseRecord) -> HNode {
        voidEl("input", [.type("hidden"), .name("version"), .value(String(c.version))])
    }

    static func checklist(_ m: ToleranceViews.Model, context: PageContext) -> [HNode] {
        let lang = context.lang
        let c = m.c
        var content: [HNode] = [el("h2", [], text(lang("核查清单（三个区分开来 · 十个区别开来）", "Checklist")))]
        let editable = m.mayWrite && c.state == .open
        if !editable {
            let rows = c.checks.map { check -> [HNode] in
                [
                    text(check.label + (check.decisive ? " ★" : "")), text(check.rule), text(check.finding.label),
                    el("span", [.cls("prewrap")], text(check.evidence.isEmpty ? "—" : check.evidence)),
                ]
            }
            content.append(
                Components.table(
                    [lang("核查事项", "Item"), lang("依据规定", "Rule"), lang("结论", "Finding"), lang("依据", "Evidence")], rows, empty: ""))
            content.append(el("p", [.cls("muted small")], text("★ 予以容错须经核实“符合”并写明依据的事项。")))
            return content
        }
        var form = m.form
        form.idPrefix = "k-"
        var fields: [HNode] = [ToleranceForms.version(c)]
        for check in c.checks {
            let findingKey = "finding-" + check.item.rawValue
            let evidenceKey = "evidence-" + check.item.rawValue
            var f = form
            if f.values[findingKey] == nil { f.values[findingKey] = check.finding.rawValue }
            if f.values[evidenceKey] == nil { f.values[evidenceKey] = check.evidence }
            fields.append(
                el(
                    "fieldset", [.cls("rate")],
                    el("legend", [], text(check.label + (check.decisive ? " ★" : ""))),
                    el("p", [.cls("muted small")], text(check.rule)),
                    Components.select(
                        findingKey, lang("结论", "Finding"), ToleranceCase.Finding.allCases.map { ($0.rawValue, $0.label) }, f, lang),
                    Components.textArea(evidenceKey, lang("依据", "Evidence"), f, lang)))
        }
        fields.append(el("p", [.cls("muted small")], text("★ 予以容错须经核实“符合”并写明依据。结论为“符合”或“不符合”的，均须写明依据（证据材料、谈话记录、批复文件等）。")))
        fields.append(el("p", [.cls("actions")], Components.submit(lang("保存核查清单", "Save the checklist"))))
        content.append(Components.postForm(.toleranceChecklist(c.id), context, fields))
        return content
    }

    static func inspector(_ m: ToleranceViews.Model, context: PageContext) -> [HNode] {
        let lang = context.lang
        let c = m.c
        var content: [HNode] = []
        var form = m.form
        form.idPrefix = "i-"
        if m.mayDecide, c.state == .open {
            content.append(el("h2", [], text(lang("认定", "Decide"))))
            content.append(
                Components.postForm(
                    .toleranceDecision(c.id), context,
                    [
                        version(c),
                        Components.select(
                            "state", lang("结论", "Decision"),
                            [ToleranceCase.State.tolerated, .notTolerated].map { ($0.rawValue, $0.label) }, form, lang,
                            required: true, blank: "（请选择）"),
                        Components.textArea("decision", lang("认定理由", "Reasons"), form, lang, hint: "由纪检监察机关认定；认定后核查清单不再修改。"),
                        el("p", [.cls("actions")], Components.submit(lang("作出认定", "Decide"))),
                    ]))
        }
        if m.mayDecide, c.state == .tolerated, c.clearing == nil {
            content.append(el("h2", [], text(lang("澄清正名", "Clear the name"))))
            content.append(
                Components.postForm(
                    .toleranceClearing(c.id), context,
                    [
                        version(c),
                        Components.textArea(
                            "clearing", lang("澄清说明（将公开）", "Statement (public)"), form, lang, hint: "公开发布于“澄清正名”页面，无需登录即可查看。"),
                        el("p", [.cls("actions")], Components.submit(lang("公开澄清正名", "Publish"))),
                    ]))
        }
        if c.state == .notTolerated {
            content.append(el("h2", [], text(lang("回访记录", "Follow-up visits"))))
            let rows = c.visits.map {
                [text($0.visitedOn), text($0.visitor), el("span", [.cls("prewrap")], text($0.outcome)), text($0.recordedBy)]
            }
            content.append(
                Components.table(
                    [lang("回访日期", "Date"), lang("回访人", "Visitor"), lang("回访情况", "Outcome"), lang("记录人", "Recorded by")], rows,
                    empty: lang("尚未回访。", "No visit yet.")))
            if m.mayDecide {
                content.append(
                    Components.postForm(
                        .toleranceVisits(c.id), context,
                        [
                            Components.field("visitedOn", lang("回访日期", "Date"), form, lang, type: "date", required: true),
                            Components.field("visitor", lang("回访人", "Visitor"), form, lang, required: true),
                            Components.textArea("outcome", lang("回访情况", "Outcome"), form, lang, hint: "思想状况、工作表现、需要组织帮助解决的问题。"),
                            el("p", [.cls("actions")], Components.submit(lang("记录回访", "Record the visit"))),
                        ]))
            }
        }
        return content
    }
}
