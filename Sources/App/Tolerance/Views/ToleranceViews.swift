import Domain
import Foundation

/// 容错纠错's pages: the cases of the jurisdiction with the form that opens one, and one case with
/// its facts, checklist, decision, clearing of name and visits — each form shown to whom may use it.
enum ToleranceViews {
    static func crumbs(_ page: String? = nil, _ lang: Lang) -> [Layout.Crumb] {
        [.init(title: lang("容错纠错", "Fault tolerance"), url: page == nil ? nil : .tolerance)] + (page.map { [.init(title: $0)] } ?? [])
    }

    static func stateTag(_ c: ToleranceCaseRecord) -> HNode {
        let cls = c.state == .tolerated ? "tag ontime" : c.state == .notTolerated ? "tag late" : "tag"
        var nodes: [HNode] = [el("span", [.cls(cls)], text(c.state.label))]
        if c.clearing != nil { nodes.append(el("span", [.cls("tag ontime")], text("已澄清正名"))) }
        if c.visitDue { nodes.append(el("span", [.cls("tag warn")], text("待回访"))) }
        return el("span", [], children: nodes)
    }

    static func list(
        _ cases: [ToleranceCaseRecord], people: [(value: String, label: String)], mayWrite: Bool, form: FormState, context: PageContext
    ) -> String {
        let lang = context.lang
        var content: [HNode] = [
            el(
                "p", [.cls("muted")],
                text("为担当作为的干部容错：按“三个区分开来”和“十个区别开来”逐项核实并写明依据，由纪检监察机关认定；予以容错的公开澄清正名，受到处理的干部定期回访。"), text(" "),
                el("a", [.href(SiteURL.clearings.path)], text(lang("澄清正名公示", "Names cleared"))))
        ]
        content += Components.banner(form, lang)
        let rows = cases.map { c -> [HNode] in
            [
                el("a", [.href(SiteURL.toleranceCase(c.id).path)], text(c.reference)),
                text("\(c.personName)（\(c.unitName)\(c.personPost)）"),
                text(c.title), text(c.occurredOn), stateTag(c),
            ]
        }
        content.append(
            Components.table(
                [lang("编号", "No."), lang("干部", "Cadre"), lang("事由", "Matter"), lang("发生日期", "Date"), lang("状态", "State")], rows,
                empty: lang("还没有容错案件。", "No case yet.")))
        if mayWrite {
            var form = form
            form.idPrefix = "o-"
            content.append(el("h2", [], text(lang("登记容错申请", "Open a case"))))
            content.append(
                Components.postForm(
                    .tolerance, context,
                    [
                        Components.select("personID", lang("干部", "Cadre"), people, form, lang, required: true, blank: "（请选择）"),
                        Components.field("title", lang("事由", "Matter"), form, lang, required: true, hint: "如：园区道路“边建边办”先行施工"),
                        Components.field("occurredOn", lang("发生日期", "Date"), form, lang, type: "date", required: true),
                        Components.textArea(
                            "facts", lang("基本事实", "Facts"), form, lang,
                            hint: "写明时间、项目、做法、手续办理情况和后果；核查清单在登记后逐项填写。"),
                        el("p", [.cls("actions")], Components.submit(lang("登记", "Open"))),
                    ]))
        }
        return Layout.page(lang("容错纠错", "Fault tolerance"), crumbs: crumbs(nil, lang), context: context, content: content)
    }

    struct Model {
        var c: ToleranceCaseRecord
        var mayWrite: Bool
        var mayDecide: Bool
        var form: FormState
    }

    static func page(_ m: Model, context: PageContext) -> String {
        let lang = context.lang
        let c = m.c
        var content: [HNode] = [stateTag(c)]
        content += Components.banner(m.form, lang)
        var facts: [(String, HNode)] = [
            (lang("干部", "Cadre"), text("\(c.personName)（\(c.unitName)\(c.personPost)）")), (lang("事由", "Matter"), text(c.title)),
            (lang("发生日期", "Date"), text(c.occurredOn)), (lang("基本事实", "Facts"), el("div", [.cls("prewrap")], text(c.facts))),
            (lang("登记人", "Opened by"), text(c.openedBy)),
        ]
        if let project = c.projectName { facts.insert((lang("项目", "Project"), text(project)), at: 2) }
        if let decision = c.decision {
            facts.append(
                (
                    lang("认定", "Decision"),
                    el("div", [.cls("prewrap")], text("\(c.state.label)（\(c.decidedBy ?? "")，\(c.decidedOn ?? "")）：\(decision)"))
                ))
        }
        if let clearing = c.clearing {
            facts.append((lang("澄清正名", "Name cleared"), el("div", [.cls("prewrap")], text("\(c.clearedOn ?? "") 公开：\(clearing)"))))
        }
        content.append(Components.definitionList(facts))
        content += ToleranceForms.checklist(m, context: context)
        content += ToleranceForms.inspector(m, context: context)
        return Layout.page(c.reference, crumbs: crumbs(c.reference, lang), context: context, content: content)
    }

    /// The names cleared in public (no account): what a clearing says, never the case's file.
    static func clearings(_ cleared: [ToleranceCaseRecord], context: PageContext) -> String {
        var content: [HNode] = [
            el("h1", [], text("澄清正名")),
            el("p", [.cls("muted")], text("经纪检监察机关核实认定予以容错的干部，在此公开澄清正名，为担当者担当。")),
        ]
        if cleared.isEmpty { content.append(el("p", [], text("暂无公示。"))) }
        for c in cleared {
            content.append(
                el(
                    "article", [.cls("card clearing")],
                    el("h2", [], text("关于为\(c.personName)同志澄清正名的说明")),
                    el("p", [.cls("muted small")], text("\(c.reference) · \(c.unitName)\(c.personPost) · \(c.clearedOn ?? "")")),
                    el("p", [.cls("prewrap")], text(c.clearing ?? ""))))
        }
        return Layout.bare("澄清正名", context: context, content: content)
    }
}
