import Domain
import Fluent
import FluentSQL
import Vapor

/// 容错纠错's pages (`/tolerance`): the cases and the form that opens one, a case with its
/// checklist and the inspector's steps; and the public page of names cleared (`/clearings`).
struct ToleranceWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.tolerance.pattern, use: list)
        pages.post(SiteURL.tolerance.pattern, use: open)
        pages.get(SiteURL.toleranceCase(SiteURL.anyID).pattern, use: show)
        pages.post(SiteURL.toleranceChecklist(SiteURL.anyID).pattern, use: checklist)
        pages.post(SiteURL.toleranceDecision(SiteURL.anyID).pattern, use: decide)
        pages.post(SiteURL.toleranceClearing(SiteURL.anyID).pattern, use: clear)
        pages.post(SiteURL.toleranceVisits(SiteURL.anyID).pattern, use: visit)
    }

    func registerPublic(_ web: any RoutesBuilder) {
        web.get(SiteURL.clearings.pattern, use: clearings)
    }

    static let handled: [HTTPResponseStatus] = [.unprocessableEntity, .conflict]

    func list(_ request: Request) async throws -> Response { try await renderList(request, form: FormState()) }

    private func renderList(_ request: Request, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let cases = try await ToleranceService(request: request).cases()
        let mayWrite = request.may(.write, .tolerance)
        return .html(
            ToleranceViews.list(
                cases, people: mayWrite ? try await DirectoryOptions.jurisdictionPeople(request) : [], mayWrite: mayWrite, form: form,
                context: PageContext(request: request)), status: status)
    }

    func open(_ request: Request) async throws -> Response {
        try request.authorize(.write, .tolerance)
        let values = try request.decodeForm([String: String].self)
        do {
            let found = try await ToleranceService(request: request).open(
                .init(
                    personID: values["personID"].flatMap(UUID.init(uuidString:)), projectID: nil, title: values["title"],
                    facts: values["facts"],
                    occurredOn: values["occurredOn"]))
            return request.redirect(to: SiteURL.toleranceCase(found.id).path)
        } catch let error as AppError where Self.handled.contains(error.status) {
            return try await renderList(request, form: FormState(values: values, error: error), status: error.status)
        }
    }

    func show(_ request: Request) async throws -> Response {
        try await render(request, try request.idParameter(), form: FormState())
    }

    private func render(_ request: Request, _ id: UUID, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let found = try await ToleranceService(request: request).find(id)
        let model = ToleranceViews.Model(
            c: found, mayWrite: request.may(.write, .tolerance), mayDecide: request.may(.manage, .tolerance), form: form)
        return .html(ToleranceViews.page(model, context: PageContext(request: request)), status: status)
    }

    /// Runs a step on a case; a refusal shows on the case's page with what was typed.
    private func step(
        _ request: Request, _ action: AccessPolicy.Action,
        _ work: (ToleranceService, UUID, [String: String], Int) async throws -> ToleranceCaseRecord
    ) async throws -> Response {
        try request.authorize(action, .tolerance)
        let id = try request.idParameter()
        let values = try request.decodeForm([String: String].self)
        do {
            _ = try await work(ToleranceService(request: request), id, values, Int(values["version"] ?? "") ?? 0)
            return request.redirect(to: SiteURL.toleranceCase(id).path)
        } catch let error as AppError where Self.handled.contains(error.status) {
            return try await render(request, id, form: FormState(values: values, error: error), status: error.status)
        }
    }

    /// The checklist as typed: each item's finding and evidence.
    static func checks(_ values: [String: String]) -> [ToleranceCase.Item: ToleranceCase.Check] {
        var checks: [ToleranceCase.Item: ToleranceCase.Check] = [:]
        for item in ToleranceCase.Item.allCases {
            guard let raw = values["finding-" + item.rawValue], let finding = ToleranceCase.Finding(rawValue: raw) else { continue }
            checks[item] = .init(finding: finding, evidence: values["evidence-" + item.rawValue] ?? "")
        }
        return checks
    }

    func checklist(_ request: Request) async throws -> Response {
        try await step(request, .write) { try await $0.setChecklist($1, Self.checks($2), version: $3) }
    }

    func decide(_ request: Request) async throws -> Response {
        try await step(request, .manage) { service, id, values, version in
            guard let state = ToleranceCase.State(rawValue: values["state"] ?? ""), state != .open else {
                throw AppError.field("state", zh: "请选择认定结论。", en: "Choose the decision.")
            }
            return try await service.decide(id, to: state, reasons: values["decision"], version: version)
        }
    }

    func clear(_ request: Request) async throws -> Response {
        try await step(request, .manage) { try await $0.clear($1, statement: $2["clearing"], version: $3) }
    }

    func visit(_ request: Request) async throws -> Response {
        try await step(request, .manage) { service, id, values, _ in
            try await service.addVisit(id, .init(visitedOn: values["visitedOn"], visitor: values["visitor"], outcome: values["outcome"]))
        }
    }

    func clearings(_ request: Request) async throws -> Response {
        .html(
            ToleranceViews.clearings(
                try await ToleranceRead.clearings(today: request.clock.today, on: request.db), context: PageContext(request: request)))
    }
}
