import Domain
import Foundation

/// The submission form and the step forms of an item, each shown to whose turn it is.
enum WorkOrderForms {
    static func new(_ form: FormState, context: PageContext) -> String {
        let lang = context.lang
        // enterprises come through their link; supervision and reform items are the bureau's
        let kinds = WorkOrderKind.allCases.filter { kind in
            switch kind {
            case .supervisionItem, .reformItem: context.may(.openBureauItem)
            default: true
            }
        }.map { (value: $0.rawValue, label: $0.label(lang)) }
        let factors = FactorType.allCases.map { (value: $0.rawValue, label: $0.label(lang) + ($0.unitWord.map { "（\($0)）" } ?? "")) }
        var fields = Components.banner(form, lang)
        if let error = form.errors["projectID"] {
            // a factor request starts from its project's page ("提出要素保障"), where the project is filled in
            fields.append(el("p", [.cls("field-error")], text(error.text(lang) + lang("请从项目页面提出。", " Start from the project's page."))))
        }
        fields += [
            voidEl("input", [.type("hidden"), .name("projectID"), .value(form["projectID"])]),
            el(
                "div", [.cls("grid")], Components.select("kind", lang("事项类型", "Kind"), kinds, form, lang, required: true),
                Components.select("category", lang("要素类型（要素保障必选）", "Factor (for factor requests)"), factors, form, lang, blank: "—")),
            Components.field(
                "title", lang("事项标题", "Title"), form, lang, required: true, hint: lang("如 申请能耗指标 26.7万吨标煤", "e.g. energy quota")),
            Components.textArea("detail", lang("具体内容", "Detail"), form, lang),
            el(
                "div", [.cls("grid")], Components.field("enterpriseName", lang("涉及企业", "Enterprise"), form, lang),
                Components.field("quantityAsked", lang("申请数量", "Quantity asked"), form, lang, hint: lang("如 26.7万吨标煤、214人", "e.g. 214人"))),
            Components.submit(lang("提交", "Submit")),
        ]
        return Layout.page(
            lang("提出事项", "New item"),
            crumbs: [.init(title: lang("工单", "Work orders"), url: .workOrders), .init(title: lang("提出事项", "New item"))], context: context,
            content: [Components.postForm(.workOrders, context, fields)])
    }

    static func steps(_ model: WorkOrderPage.Model, context: PageContext) -> [HNode] {
        let lang = context.lang
        let o = model.order
        guard !model.steps.isEmpty else { return [] }
        let version = voidEl("input", [.type("hidden"), .name("version"), .value(String(o.version))])
        func hidden(_ step: WorkOrderMachine.Step) -> HNode { voidEl("input", [.type("hidden"), .name("step"), .value(step.rawValue)]) }
        var nodes: [HNode] = [el("h2", [], text(lang("办理", "Act")))]
        var form = model.form
        for step in model.steps {
            switch step {
            case .route:
                nodes.append(
                    Components.postForm(
                        .workOrderStep(o.id), context,
                        [
                            version, hidden(.route),
                            Components.select("unit", lang("责任单位", "Responsible unit"), model.unitOptions, form, lang, required: true),
                            Components.submit(lang("分办", "Route")),
                        ]))
            case .signFor, .start:
                nodes.append(
                    Components.postForm(
                        .workOrderStep(o.id), context, cls: "inline",
                        [version, hidden(step), Components.submit(lang(step.label, step.rawValue))]))
            case .answer:
                form.idPrefix = "answer-"
                nodes.append(
                    Components.postForm(
                        .workOrderStep(o.id), context,
                        [
                            version, hidden(.answer), Components.textArea("note", lang("答复内容", "Answer"), form, lang),
                            el(
                                "div", [.cls("grid")],
                                Components.field(
                                    "evidence", lang("办理佐证", "Evidence") + (o.kind.answerNeedsEvidence ? lang("（必填）", " (required)") : ""),
                                    form, lang,
                                    hint: lang("批复文号、照片存放处等", "Document number, where photos are")),
                                Components.field("granted", lang("落实数量", "Granted"), form, lang, hint: lang("如 26.7万吨标煤", "e.g. 26.7万吨标煤"))),
                            Components.submit(lang("答复", "Answer")),
                        ]))
            case .confirm:
                nodes.append(
                    Components.postForm(
                        .workOrderStep(o.id), context, cls: "inline",
                        [version, hidden(.confirm), Components.submit(lang("满意，办结", "Satisfied, close"))]))
            case .reopen:
                form.idPrefix = "reopen-"
                nodes.append(
                    Components.postForm(
                        .workOrderStep(o.id), context,
                        [
                            version, hidden(.reopen), Components.textArea("note", lang("不满意的原因", "Why not satisfied"), form, lang),
                            Components.submit(lang("不满意，退回重办", "Not satisfied, reopen"), cls: ""),
                        ]))
            }
        }
        return nodes
    }
}
