import Domain
import Foundation

/// 分办规则: the rules the bureau sets, and the form to add or change one.
enum RoutingRuleViews {
    static func page(
        _ rules: [WorkOrderSettings.Rule], units: [(value: String, label: String)], form: FormState, context: PageContext
    ) -> String {
        let lang = context.lang
        let table = Components.table(
            [lang("事项类型", "Kind"), lang("要素类型", "Factor"), lang("责任单位", "Unit"), ""],
            rules.map { r in
                [
                    text(r.kind.label(lang)),
                    text(FactorType(rawValue: r.category)?.label(lang) ?? lang("（全部）", "(any)")), text(r.unitName),
                    Components.postForm(
                        .routingRuleDelete(r.id), context, cls: "inline", [Components.submit(lang("删除", "Delete"), cls: "link-button")]),
                ]
            }, empty: lang("尚未设置分办规则：所有事项都等待招商局分办。", "No rules yet: every item waits for the bureau."))
        let kinds = WorkOrderKind.allCases.map { (value: $0.rawValue, label: $0.label(lang)) }
        let factors = FactorType.allCases.map { (value: $0.rawValue, label: $0.label(lang)) }
        let editor = Components.postForm(
            .routingRules, context,
            Components.banner(form, lang) + [
                el(
                    "div", [.cls("grid")], Components.select("kind", lang("事项类型", "Kind"), kinds, form, lang, required: true),
                    Components.select(
                        "category", lang("要素类型（仅要素保障）", "Factor (factor requests only)"), factors, form, lang,
                        blank: lang("（该类全部）", "(any)")),
                    Components.select("unit", lang("责任单位", "Unit"), units, form, lang, required: true)),
                Components.submit(lang("保存规则", "Save rule")),
            ])
        return WorkOrderViews.subpage(
            ("分办规则", "Routing rules"),
            intro: (
                "提交时按规则直接分办到责任单位；要素保障先按要素类型匹配，再按“该类全部”。没有规则的事项由招商局分办，招商局也可改派。",
                "Items matching a rule go straight to its unit; the rest wait for the bureau, which may also route otherwise."
            ), [table, el("h2", [], text(lang("新增或修改规则", "Add or change a rule"))), editor], context: context)
    }
}
