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
