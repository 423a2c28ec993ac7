import Domain
import Fluent
import Vapor

/// Panel pages: the list of panels with the form to set one up, and the panel's actions on a
/// lead (put to a panel, give or revise an opinion, recuse).
struct ReviewWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.panels.pattern, use: panels)
        pages.post(SiteURL.panels.pattern, use: createPanel)
        pages.post(SiteURL.leadReview(SiteURL.anyID).pattern, use: putToPanel)
        pages.post(SiteURL.leadOpinion(SiteURL.anyID).pattern, use: giveOpinion)
        pages.post(SiteURL.leadRecuse(SiteURL.anyID).pattern, use: recuse)
    }

    func panels(_ request: Request) async throws -> Response {
        try await renderPanels(request, form: FormState(values: ["quorum": "2"]))
    }

    private func renderPanels(_ request: Request, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.authorize(.manage, .lead)
        let panels = try await ReviewPanel.all(within: user.scope, on: request.db)
        let people = try await PersonRow.page(within: user.scope, query: "", page: 1, per: 500, on: request.db)
        let reviewers = people.filter { $0.roleSet.contains(.reviewer) }
        let names = Dictionary(people.map { ($0.id, "\($0.name)（\($0.unitName)）") }, uniquingKeysWith: { a, _ in a })
        return .html(
            ReviewViews.panels(
                panels.map { .init(name: $0.name, quorum: $0.quorum, members: $0.members, chairID: $0.chairID, criteria: $0.criteria) },
                reviewers: reviewers, names: names, form: form, context: PageContext(request: request)),
            status: status)
    }

    struct PanelBody: Content {
        var name: String?
        var quorum: Int?
        var criteria: [String]?
        var members: [String]?
        var chair: String?
    }

    func createPanel(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .lead)
        let body = try request.decodeForm(PanelBody.self)
        do {
            _ = try await ReviewService(request: request).createPanel(
                name: body.name ?? "", quorum: body.quorum ?? 0,
                criteria: (body.criteria ?? []).compactMap(ReviewCriterion.init(rawValue:)),
                members: (body.members ?? []).compactMap(UUID.init(uuidString:)), chair: UUID(uuidString: body.chair ?? ""))
            return request.redirect(to: SiteURL.panels.path)
        } catch let error as AppError where error.status == .unprocessableEntity {
            let values = [
                "name": body.name ?? "", "quorum": body.quorum.map(String.init) ?? "",
                "criteria": (body.criteria ?? []).joined(separator: ","), "members": (body.members ?? []).joined(separator: ","),
                "chair": body.chair ?? "",
            ]
            return try await renderPanels(request, form: FormState(values: values, error: error), status: error.status)
        }
    }

    struct ReviewBody: Content {
        var panel: String?
    }

    func putToPanel(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .lead)
        let id = try request.idParameter()
        let body = try request.decodeForm(ReviewBody.self)
        guard let panel = UUID(uuidString: body.panel ?? "") else { throw AppError.field("panel", zh: "请选择预审专班。", en: "Choose a panel.") }
        try await ReviewService(request: request).putToPanel(id, panel: panel)
        return request.redirect(to: SiteURL.lead(id).path)
    }

    struct OpinionBody: Content {
        var recommendation: String?
        var suggestedPark: String?
        var comment: String?
        var revision: String?
    }

    func giveOpinion(_ request: Request) async throws -> Response {
        let id = try request.idParameter()
        let body = try request.decodeForm(OpinionBody.self)
        guard let recommendation = ReviewPanelRules.Recommendation(rawValue: body.recommendation ?? "") else {
            throw AppError.field("recommendation", zh: "请选择推荐、不推荐或弃权。", en: "Choose recommend, not, or abstain.")
        }
        var scores: [String: Int] = [:]
        for criterion in ReviewCriterion.allCases {
            guard let raw = try? request.content.get(String.self, at: "score-\(criterion.rawValue)"), !raw.isEmpty else { continue }
            guard let value = Int(raw) else {
                throw AppError.field("score-\(criterion.rawValue)", zh: "评分应为 0–100 的整数。", en: "Scores are whole numbers 0–100.")
            }
            scores[criterion.rawValue] = value
        }
        let comment = String((body.comment ?? "").prefix(500))
        let park = String((body.suggestedPark ?? "").prefix(60))
        guard !comment.hasControlCharacters, !park.hasControlCharacters else { throw AppError.badBody }
        try await ReviewService(request: request).giveOpinion(
            id,
            .init(recommendation: recommendation, scores: scores, suggestedPark: park, comment: comment, isRevision: body.revision == "1"))
        return request.redirect(to: SiteURL.lead(id).path)
    }

    struct RecuseBody: Content { var reason: String? }

    func recuse(_ request: Request) async throws -> Response {
        let id = try request.idParameter()
        let body = try request.decodeForm(RecuseBody.self)
        try await ReviewService(request: request).recuse(id, reason: body.reason ?? "")
        return request.redirect(to: SiteURL.lead(id).path)
    }
}
