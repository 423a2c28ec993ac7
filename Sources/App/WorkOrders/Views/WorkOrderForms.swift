import Domain
import Foundation

/// The submission form and the step forms of an item, each shown to whose turn it is.
enum WorkOrderForms {
    /// `speaksFor`: the registry name an enterprise's account submits in (nil: not tied yet).
    static func new(_ form: FormState, speaksFor: String? = nil, context: PageContext) -> String {
        let lang = context.lang
        // each role the kinds that are theirs (`AccessPolicy.kindsToSubmit`)
        let kinds = (context.user.map { AccessPolicy.kindsToSubmit($0.roles) } ?? []).map { (value: $0.rawValue, label: $0.label(lang)) }
        var fields = Components.banner(form, lang)
        if let error = form.errors["projectID"] {
            // a factor request starts from its project's page ("提出要素保障"), where the project is filled in
            fields.append(el("p", [.cls("field-error")], text(error.text(lang) + lang("请从项目页面提出。", " Start from the project's page."))))
        }
        let title = Components.field(
            "title", lang("事项标题", "Title"), form, lang, required: true,
            hint: context.worksInside
                ? lang("如 申请能耗指标 26.7万吨标煤", "e.g. energy quota") : lang("如 厂区道路未通、用电增容迟迟未批", "e.g. the road to the plant is not built"))
        let detail = Components.textArea("detail", lang("具体内容", "Detail"), form, lang)
        if context.worksInside {
            let factors = FactorType.allCases.map { (value: $0.rawValue, label: $0.label(lang) + ($0.unitWord.map { "（\($0)）" } ?? "")) }
            fields += [
                voidEl("input", [.type("hidden"), .name("projectID"), .value(form["projectID"])]),
                el(
                    "div", [.cls("grid")], Components.select("kind", lang("事项类型", "Kind"), kinds, form, lang, required: true),
                    Components.select("category", lang("要素类型（要素保障必选）", "Factor (for factor requests)"), factors, form, lang, blank: "—")),
                title, detail,
                el(
                    "div", [.cls("grid")], Components.field("enterpriseName", lang("涉及企业", "Enterprise"), form, lang),
                    Components.field(
                        "quantityAsked", lang("申请数量", "Quantity asked"), form, lang, hint: lang("如 26.7万吨标煤、214人", "e.g. 214人"))),
            ]
        } else {
            if context.user?.roles.contains(.enterprise) == true {
                fields.append(
                    speaksFor.map {
                        el(
                            "p", [.cls("lead")],
                            text(lang("以「\($0)」名义提出，办理结果由您确认。", "Submitted in the name of \($0); you confirm the result.")))
                    }
                        ?? Components.notice(lang("该账号尚未关联企业，请联系投资促进局关联后再提出诉求。", "This account is not yet tied to an enterprise.")))
            }
            fields += [
                el("div", [.cls("grid")], Components.select("kind", lang("事项类型", "Kind"), kinds, form, lang, required: true)), title,
                detail,
            ]
        }
        fields.append(Components.submit(lang("提交", "Submit")))
        let heading = context.worksInside ? lang("提出事项", "New item") : lang("提出诉求", "New request")
        return Layout.page(
            heading,
            crumbs: [
                .init(title: context.worksInside ? lang("工单", "Work orders") : lang("我的诉求", "My requests"), url: .workOrders),
                .init(title: heading),
            ], context: context,
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
