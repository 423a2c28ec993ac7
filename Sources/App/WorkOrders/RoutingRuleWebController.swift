import Domain
import Fluent
import Vapor

/// 分办规则 page: which unit answers each kind of item (and each factor type) in the bureau's
/// jurisdiction; items matching a rule are routed at submission, the rest wait for the bureau.
struct RoutingRuleWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.routingRules.pattern, use: page)
        pages.post(SiteURL.routingRules.pattern, use: save)
        pages.post(SiteURL.routingRuleDelete(SiteURL.anyID).pattern, use: delete)
    }

    func page(_ request: Request) async throws -> Response {
        try await render(request, FormState())
    }

    private func render(_ request: Request, _ form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let rules = try await WorkOrderSettings(request: request).rules()
        let units = try await WorkOrderPage.unitOptions(request)
        return .html(RoutingRuleViews.page(rules, units: units, form: form, context: PageContext(request: request)), status: status)
    }

    struct Body: Content {
        var kind: String?
        var category: String?
        var unit: String?
    }

    func save(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(Body.self)
        do {
            _ = try await WorkOrderSettings(request: request).setRule(
                kind: body.kind ?? "", category: body.category ?? "", unit: body.unit.flatMap(UUID.init(uuidString:)))
        } catch let error as AppError where error.status == .unprocessableEntity {
            let values = ["kind": body.kind ?? "", "category": body.category ?? "", "unit": body.unit ?? ""]
            return try await render(request, FormState(values: values, error: error), status: error.status)
        }
        return request.redirect(to: SiteURL.routingRules.path)
    }

    func delete(_ request: Request) async throws -> Response {
        try await WorkOrderSettings(request: request).deleteRule(try request.idParameter())
        return request.redirect(to: SiteURL.routingRules.path)
    }
}

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
