import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// 项目: an accepted lead on its way from negotiation to production (SPEC §5). `stage` is what was
/// last reported; `verifiedStage` is what the bureau has verified (核验) and what assessment counts.
final class Project: Model, @unchecked Sendable {
    static let schema = "projects"
    @ID var id: UUID?
    @Field(key: "lead_id") var leadID: UUID
    @OptionalField(key: "enterprise_id") var enterpriseID: UUID?
    @Field(key: "enterprise_name") var enterpriseName: String
    @Field(key: "name_key") var nameKey: String
    @OptionalField(key: "uscc") var uscc: String?
    @Field(key: "title") var title: String
    @Field(key: "industry_code") var industryCode: String
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "investment_minor") var investmentMinor: Int64
    @Field(key: "investment_currency") var investmentCurrency: String
    @OptionalField(key: "contract_minor") var contractMinor: Int64?
    @OptionalField(key: "contract_currency") var contractCurrency: String?
    @Field(key: "stage") var stage: ProjectStage
    @OptionalField(key: "held_at") var heldAt: ProjectStage?
    @Field(key: "stage_since") var stageSince: String
    @Field(key: "verified_stage") var verifiedStage: ProjectStage
    /// The signing as reported (withdrawn when a report corrects the project back to 在谈).
    @OptionalField(key: "signed_on") var signedOn: String?
    /// The signing and contract the bureau verified: what every figure counts (`ProjectFacts`).
    @OptionalField(key: "verified_signed_on") var verifiedSignedOn: String?
    @OptionalField(key: "verified_contract_minor") var verifiedContractMinor: Int64?
    @OptionalField(key: "verified_contract_currency") var verifiedContractCurrency: String?
    @Field(key: "host_unit_id") var hostUnitID: UUID
    @Field(key: "host_status") var hostStatus: ProjectRules.HostStatus
    @Field(key: "host_reason") var hostReason: String
    @OptionalField(key: "leader_id") var leaderID: UUID?
    @OptionalField(key: "task_force_id") var taskForceID: UUID?
    @Field(key: "is_major") var isMajor: Bool
    @Field(key: "accepted_on") var acceptedOn: String
    /// The day the acceptance was entered; earlier than `acceptedOn` by more than a week is 补录 (`BackFill`).
    @OptionalField(key: "recorded_on") var recordedOn: String?
    @Field(key: "last_activity_on") var lastActivityOn: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var investment: Money {
        Money(minorUnits: investmentMinor, currency: Currency(rawValue: investmentCurrency) ?? .cny)
    }

    var contract: Money? {
        contractMinor.map { Money(minorUnits: $0, currency: Currency(rawValue: contractCurrency ?? "CNY") ?? .cny) }
    }

    var verifiedContract: Money? {
        verifiedContractMinor.map { Money(minorUnits: $0, currency: Currency(rawValue: verifiedContractCurrency ?? "CNY") ?? .cny) }
    }
}

/// 招商人: a person credited with a share of the project, in basis points.
final class ProjectAttractor: Model, @unchecked Sendable {
    static let schema = "project_attractors"
    @ID var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "basis_points") var basisPoints: Int

    init() {}
}

/// 协同单位: a unit that helps the host unit.
final class ProjectCoordinator: Model, @unchecked Sendable {
    static let schema = "project_coordinators"
    @ID var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "unit_id") var unitID: UUID

    init() {}
}

/// One reported stage change, dated, with its evidence and reporter; the bureau verifies it.
/// Reports are only inserted and verified, never edited.
final class StageReport: Model, @unchecked Sendable {
    static let schema = "stage_reports"
    @ID var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "sequence") var sequence: Int
    @Field(key: "from_stage") var fromStage: ProjectStage
    @Field(key: "to_stage") var toStage: ProjectStage
    @Field(key: "occurred_on") var occurredOn: String
    @Field(key: "reason") var reason: String
    @Field(key: "evidence") var evidence: String
    @Field(key: "reported_by") var reportedBy: UUID
    @Field(key: "reported_on") var reportedOn: String
    /// The contract amount a report of signing carries.
    @OptionalField(key: "contract_minor") var contractMinor: Int64?
    @OptionalField(key: "contract_currency") var contractCurrency: String?
    @OptionalField(key: "verified_by") var verifiedBy: UUID?
    @OptionalField(key: "verified_on") var verifiedOn: String?

    init() {}
}

/// 到位资金: one entry of the funds-arrival ledger.
final class FundsArrival: Model, @unchecked Sendable {
    static let schema = "funds_arrivals"
    @ID var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "arrived_on") var arrivedOn: String
    @Field(key: "amount_minor") var amountMinor: Int64
    @Field(key: "currency") var currency: String
    /// Foreign capital (外资), reported in its own currency as 实际利用外资.
    @Field(key: "is_foreign") var isForeign: Bool
    @Field(key: "evidence") var evidence: String
    @Field(key: "reported_by") var reportedBy: UUID
    @OptionalField(key: "verified_by") var verifiedBy: UUID?
    @OptionalField(key: "verified_on") var verifiedOn: String?
    /// The day it was entered (nil for entries older than 补录); see `BackFill`.
    @OptionalField(key: "recorded_on") var recordedOn: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var amount: Money { Money(minorUnits: amountMinor, currency: Currency(rawValue: currency) ?? .cny) }
}

extension StageReport: VerifiableRecord {
    static let ownerColumn = "project_id"
    var ownerID: UUID { projectID }
}

extension FundsArrival: VerifiableRecord {
    static let ownerColumn = "project_id"
    var ownerID: UUID { projectID }
}
