import Domain
import Fluent
import Vapor

/// `/api/v1/panels` and a lead's review: the same service as the pages.
struct ReviewAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get(APIRoute.panels.pattern, use: list)
        api.post(APIRoute.panels.pattern, use: create)
        api.post(APIRoute.leadReview.pattern, use: putToPanel)
        api.get(APIRoute.leadReview.pattern, use: state)
        api.post(APIRoute.leadOpinions.pattern, use: giveOpinion)
    }

    struct Panel: Content {
        var id: UUID
        var name: String
        var quorum: Int
        var criteria: [String]
        var memberIDs: [UUID]
        var chairID: UUID?

        init(_ p: ReviewPanel) {
            (id, name, quorum) = (p.id ?? UUID(), p.name, p.quorum)
            criteria = p.criteria.map(\.rawValue)
            memberIDs = p.members
            chairID = p.chairID
        }
    }

    func list(_ request: Request) async throws -> [Panel] {
        let user = try request.authorize(.manage, .lead)
        return try await ReviewPanel.all(within: user.scope, on: request.db).map(Panel.init)
    }

    struct PanelBody: Content {
        var name: String
        var quorum: Int
        var criteria: [String]
        var memberIDs: [UUID]
        var chairID: UUID?
    }

    func create(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .lead)
        let body = try request.decodeForm(PanelBody.self)
        let criteria = try body.criteria.map { raw in
            guard let criterion = ReviewCriterion(rawValue: raw) else {
                throw AppError.field("criteria", zh: "未知的评分指标：\(raw)。", en: "Unknown criterion \(raw).")
            }
            return criterion
        }
        let panel = try await ReviewService(request: request).createPanel(
            name: body.name, quorum: body.quorum, criteria: criteria, members: body.memberIDs, chair: body.chairID)
        return try Response.created(Panel(panel))
    }

    struct ReviewBody: Content { var panelID: UUID }

    func putToPanel(_ request: Request) async throws -> Response {
        let id = try request.idParameter()
        let body = try request.decodeForm(ReviewBody.self)
        try await ReviewService(request: request).putToPanel(id, panel: body.panelID)
        return Response(status: .noContent)
    }

    struct Opinion: Content {
        var memberID: UUID
        var recommendation: String
        var scores: [String: Int]
        var suggestedPark: String
        var comment: String
        var sequence: Int
        var revisesID: UUID?
    }

    struct State: Content {
        var panelID: UUID
        var quorum: Int
        var votersCounted: Int
        var quorumMet: Bool
        var recommend: Int
        var notRecommend: Int
        var abstain: Int
        var opinions: [Opinion]
    }

    func state(_ request: Request) async throws -> State {
        let id = try request.idParameter()
        _ = try await LeadService(request: request).find(id)
        guard let state = try await ReviewService(request: request).state(of: id) else { throw AppError.notFound }
        let tally = state.tally
        return State(
            panelID: state.panel.id!, quorum: tally.quorum, votersCounted: tally.voters, quorumMet: tally.quorumMet,
            recommend: tally.recommend,
            notRecommend: tally.notRecommend, abstain: tally.abstain,
            opinions: state.opinions.map {
                Opinion(
                    memberID: $0.memberID, recommendation: $0.recommendation.rawValue, scores: $0.scores, suggestedPark: $0.suggestedPark,
                    comment: $0.comment, sequence: $0.sequence, revisesID: $0.revisesID)
            })
    }

    struct OpinionBody: Content {
        var recommendation: String
        var scores: [String: Int]?
        var suggestedPark: String?
        var comment: String?
        var isRevision: Bool?
    }

    func giveOpinion(_ request: Request) async throws -> Response {
        let id = try request.idParameter()
        let body = try request.decodeForm(OpinionBody.self)
        guard let recommendation = ReviewPanelRules.Recommendation(rawValue: body.recommendation) else {
            throw AppError.field("recommendation", zh: "意见应为 recommend、notRecommend 或 abstain。", en: "recommend, notRecommend or abstain.")
        }
        let comment = body.comment ?? ""
        let park = body.suggestedPark ?? ""
        guard comment.count <= 500, park.count <= 60, !comment.hasControlCharacters, !park.hasControlCharacters else {
            throw AppError.field("comment", zh: "说明不超过 500 字，园区不超过 60 字。", en: "comment ≤ 500, park ≤ 60 characters.")
        }
        try await ReviewService(request: request).giveOpinion(
            id,
            .init(
                recommendation: recommendation, scores: body.scores ?? [:], suggestedPark: park, comment: comment,
                isRevision: body.isRevision ?? false))
        return try await state(request).encodeResponse(status: .created, for: request)
    }
}
