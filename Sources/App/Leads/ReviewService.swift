import Domain
import Fluent
import Foundation
import Vapor

/// The pre-review panel's work on a lead. Opinions are only ever inserted: there is no update
/// path for them, and each one is in the audit log.
struct ReviewService {
    let request: Request

    func createPanel(
        name raw: String, quorum: Int, criteria: [ReviewCriterion], members: [UUID], chair: UUID? = nil
    ) async throws -> ReviewPanel {
        let user = try request.authorize(.manage, .lead)
        var errors: [String: AppError.Message] = [:]
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 40 || name.hasControlCharacters {
            errors["name"] = .required("专班名称（不超过 40 字）", "Name (at most 40)")
        }
        let memberSet = Array(Set(members))
        if memberSet.count < 2 { errors["members"] = .init(zh: "专班至少两名成员。", en: "A panel has at least two members.") }
        if !(1...max(1, memberSet.count)).contains(quorum) {
            errors["quorum"] = .init(zh: "法定人数应在 1 与成员数之间。", en: "The quorum lies between 1 and the number of members.")
        }
        if let chair, !memberSet.contains(chair) {
            errors["chair"] = .init(zh: "组长须为专班成员。", en: "The chair must be a member.")
        }
        if criteria.isEmpty { errors["criteria"] = .init(zh: "请至少选择一项评分指标。", en: "Choose at least one criterion.") }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let inScope = try await PersonRow.ids(within: user.scope, among: memberSet, on: request.db)
        guard inScope.count == memberSet.count else {
            throw AppError.field("members", zh: "成员须为本辖区人员。", en: "Members must be people of this jurisdiction.")
        }
        let actor = request.auditActor
        let millis = request.clock.millis
        return try await request.writeTransaction { db in
            let panel = ReviewPanel()
            panel.id = UUID()
            panel.name = name
            panel.jurisdictionCode = user.scope.value
            panel.quorum = quorum
            panel.criteriaCodes = criteria.map(\.rawValue).joined(separator: ",")
            panel.memberCodes = memberSet.map(\.uuidString).joined(separator: ",")
            panel.chairID = chair
            try await panel.create(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "panel.create", objectType: "review_panel", objectID: panel.id!.uuidString,
                after: ["name": name, "quorum": String(quorum), "members": panel.memberCodes, "chair": chair?.uuidString ?? ""], at: millis)
            return panel
        }
    }

    /// The bureau puts an open lead to a panel; that is its first response if none was given.
    func putToPanel(_ leadID: UUID, panel panelID: UUID) async throws {
        let lead = try await LeadService(request: request).find(leadID, for: .manage)
        let user = try request.requireUser()
        guard let panel = try await ReviewPanel.find(panelID, on: request.db),
            let panelScope = try? JurisdictionCode(panel.jurisdictionCode), user.scope.contains(panelScope),
            lead.status.isOpen
        else { throw AppError.field("panel", zh: "请选择本辖区的预审专班；已办结的线索不再预审。", en: "Choose a panel of this jurisdiction for an open lead.") }
        let actor = request.auditActor
        let millis = request.clock.millis
        let today = request.clock.today.description
        try await request.writeTransaction { db in
            if try await LeadReview.query(on: db).filter(\.$leadID == leadID).first() != nil {
                throw AppError(code: "already_in_review", status: .conflict, zh: "该线索已提交预审。", en: "This lead is already with a panel.")
            }
            let review = LeadReview()
            review.leadID = leadID
            review.panelID = panelID
            review.startedOn = today
            review.recusedCodes = ""
            try await review.create(on: db)
            if let fresh = try await Lead.find(leadID, on: db), fresh.respondedOn == nil {
                fresh.respondedOn = today
                fresh.status = .responded
                fresh.version += 1
                try await fresh.update(on: db)
            }
            try await AuditLog.append(
                on: db, by: actor, action: "lead.review", objectType: "lead", objectID: leadID.uuidString, after: ["panel": panel.name],
                at: millis)
        }
    }

    struct State: Sendable {
        var review: LeadReview
        var panel: ReviewPanel
        var opinions: [ReviewOpinion]

        /// The latest opinion of each member who has not recused, against the quorum.
        var tally: ReviewPanelRules.Tally {
            ReviewPanelRules.tally(
                opinions.map {
                    ReviewPanelRules.Opinion(
                        member: $0.memberID, recommendation: $0.recommendation, scores: $0.scores, sequence: $0.sequence)
                }, recused: review.recused, quorum: panel.quorum)
        }
    }

    /// The review of a lead and the panel it was put to, if it was.
    static func review(of leadID: UUID, on db: any Database) async throws -> (review: LeadReview, panel: ReviewPanel)? {
        guard let review = try await LeadReview.query(on: db).filter(\.$leadID == leadID).first(),
            let panel = try await ReviewPanel.find(review.panelID, on: db)
        else { return nil }
        return (review, panel)
    }

    func state(of leadID: UUID) async throws -> State? {
        guard let (review, panel) = try await Self.review(of: leadID, on: request.db) else { return nil }
        let opinions = try await ReviewOpinion.query(on: request.db).filter(\.$leadID == leadID).sort(\.$sequence).all()
        return State(review: review, panel: panel, opinions: opinions)
    }

    struct OpinionInput: Sendable {
        var recommendation: ReviewPanelRules.Recommendation
        var scores: [String: Int]
        var suggestedPark: String
        var comment: String
        var isRevision: Bool
    }

    func giveOpinion(_ leadID: UUID, _ input: OpinionInput) async throws {
        let user = try request.requireUser()
        let actor = request.auditActor
        let millis = request.clock.millis
        try await request.writeTransaction { db in
            guard let review = try await LeadReview.query(on: db).filter(\.$leadID == leadID).first(),
                let panel = try await ReviewPanel.find(review.panelID, on: db),
                let lead = try await Lead.find(leadID, on: db)
            else { throw AppError.notFound }
            let earlier = try await ReviewOpinion.query(on: db).filter(\.$leadID == leadID).sort(\.$sequence, .descending).all()
            let mine = earlier.first { $0.memberID == user.personID }
            do {
                try ReviewPanelRules.checkOpinion(
                    member: user.personID, members: Set(panel.members), recused: review.recused, hasEarlierOpinion: mine != nil,
                    isRevision: input.isRevision, scores: input.scores, criteria: Set(panel.criteria.map(\.rawValue)))
            } catch let problem as ReviewPanelRules.Problem { throw Self.message(problem) }
            guard lead.status.isOpen else {
                throw AppError(code: "invalid_state", status: .conflict, zh: "该线索已办结。", en: "This lead is closed.")
            }
            let opinion = ReviewOpinion()
            opinion.id = UUID()
            opinion.leadID = leadID
            opinion.memberID = user.personID
            opinion.recommendation = input.recommendation
            opinion.scoreCodes = input.scores.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            opinion.suggestedPark = input.suggestedPark
            opinion.comment = input.comment
            opinion.sequence = (earlier.first?.sequence ?? 0) + 1
            opinion.revisesID = input.isRevision ? mine?.id : nil
            try await opinion.create(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: input.isRevision ? "opinion.revise" : "opinion.give", objectType: "lead",
                objectID: leadID.uuidString,
                after: ["recommendation": input.recommendation.rawValue, "scores": opinion.scoreCodes, "park": input.suggestedPark],
                at: millis)
        }
    }

    /// A member linked to the enterprise steps aside; their opinions stop counting.
    func recuse(_ leadID: UUID, reason raw: String) async throws {
        let user = try request.requireUser()
        let reason = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 200, !reason.hasControlCharacters else {
            throw AppError.field("reason", zh: "请说明回避理由（与企业的关联）。", en: "Say why (your link to the enterprise).")
        }
        let actor = request.auditActor
        let millis = request.clock.millis
        try await request.writeTransaction { db in
            guard let review = try await LeadReview.query(on: db).filter(\.$leadID == leadID).first(),
                let panel = try await ReviewPanel.find(review.panelID, on: db), panel.members.contains(user.personID)
            else { throw AppError.notFound }
            guard !review.recused.contains(user.personID) else { return }
            review.recusedCodes = (Array(review.recused) + [user.personID]).map(\.uuidString).joined(separator: ",")
            try await review.update(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "opinion.recuse", objectType: "lead", objectID: leadID.uuidString, after: ["reason": reason],
                at: millis)
        }
    }

    static func message(_ problem: ReviewPanelRules.Problem) -> AppError {
        switch problem {
        case .notAMember: AppError.notFound
        case .recused:
            AppError(code: "recused", status: .conflict, zh: "您已声明回避，不能再发表意见。", en: "You recused yourself from this lead.")
        case .alreadyGaveOpinion:
            AppError(
                code: "opinion_exists", status: .conflict, zh: "您已发表过意见。意见不可修改；如需改变，请以“修改意见”提交新意见，原意见保留。",
                en: "You gave an opinion already. It is never edited; submit a revision, and the first stays on record.")
        case .scoreOutOfRange(let criterion): AppError.field("score-\(criterion)", zh: "评分应为 0–100。", en: "Scores are 0–100.")
        case .unknownCriterion(let criterion): AppError.field("score-\(criterion)", zh: "该专班不评此项。", en: "Not a criterion of this panel.")
        }
    }
}

extension PersonRow {
    /// Which of `ids` are persons of `scope`.
    static func ids(within scope: JurisdictionCode, among ids: [UUID], on db: any Database) async throws -> [UUID] {
        guard !ids.isEmpty else { return [] }
        return try await Person.query(on: db).join(Unit.self, on: \Person.$unit.$id == \Unit.$id)
            .filter(\.$id ~~ ids).filter(Unit.self, \.$jurisdictionCode >= scope.prefix).filter(
                Unit.self, \.$jurisdictionCode < scope.prefix + "~"
            )
            .all().compactMap(\.id)
    }
}
