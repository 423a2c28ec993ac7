import Domain
import Fluent
import Foundation

/// 预审专班: a standing panel of park, department, institute and enterprise experts (SPEC §4).
final class ReviewPanel: Model, @unchecked Sendable {
    static let schema = "review_panels"
    @ID var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "quorum") var quorum: Int
    /// Criterion codes (`ReviewCriterion`), comma-separated.
    @Field(key: "criteria") var criteriaCodes: String
    /// Member person ids, comma-separated.
    @Field(key: "members") var memberCodes: String
    /// The chair (组长) decides on the panel's leads; without one, the bureau does.
    @OptionalField(key: "chair_id") var chairID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// The panels set up in `scope`, by name.
    static func all(within scope: JurisdictionCode, on db: any Database) async throws -> [ReviewPanel] {
        try await query(on: db).within(\.$jurisdictionCode, scope).sort(\.$name).all()
    }

    var criteria: [ReviewCriterion] { criteriaCodes.split(separator: ",").compactMap { ReviewCriterion(rawValue: String($0)) } }
    var members: [UUID] { memberCodes.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
}

/// A lead put to a panel.
final class LeadReview: Model, @unchecked Sendable {
    static let schema = "lead_reviews"
    @ID var id: UUID?
    @Field(key: "lead_id") var leadID: UUID
    @Field(key: "panel_id") var panelID: UUID
    @Field(key: "started_on") var startedOn: String
    /// Members who declared a link to the enterprise, comma-separated person ids.
    @Field(key: "recused") var recusedCodes: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var recused: Set<UUID> { Set(recusedCodes.split(separator: ",").compactMap { UUID(uuidString: String($0)) }) }
}

/// 意见: one member's opinion, never edited; a change is a new opinion that revises it.
final class ReviewOpinion: Model, @unchecked Sendable {
    static let schema = "review_opinions"
    @ID var id: UUID?
    @Field(key: "lead_id") var leadID: UUID
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "recommendation") var recommendation: ReviewPanelRules.Recommendation
    /// "industryFit=80,taxPerMu=70".
    @Field(key: "scores") var scoreCodes: String
    @Field(key: "suggested_park") var suggestedPark: String
    @Field(key: "comment") var comment: String
    @Field(key: "sequence") var sequence: Int
    @OptionalField(key: "revises_id") var revisesID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var scores: [String: Int] {
        Dictionary(
            scoreCodes.split(separator: ",").compactMap { pair -> (String, Int)? in
                let parts = pair.split(separator: "=")
                guard parts.count == 2, let value = Int(parts[1]) else { return nil }
                return (String(parts[0]), value)
            }, uniquingKeysWith: { a, _ in a })
    }
}

/// The criteria a panel scores on (SPEC §4), 0–100 each.
enum ReviewCriterion: String, CaseIterable, Codable, Sendable {
    case industryFit, investmentPerMu, taxPerMu, energyUse, environmentalRisk, investorAuthenticity
}
