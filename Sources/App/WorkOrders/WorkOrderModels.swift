import Domain
import Fluent
import Foundation
import Vapor

/// 工单: one item a unit must resolve by a deadline (SPEC §7). The deadline is fixed at
/// submission and kept through reopenings; each step is an event on its timeline.
final class WorkOrder: Model, @unchecked Sendable {
    static let schema = "work_orders"
    @ID var id: UUID?
    /// Shown to people: GD-2026-000123.
    @Field(key: "number") var number: String
    @Field(key: "kind") var kind: WorkOrderKind
    /// For factor requests the factor type; otherwise a free category used by routing rules.
    @Field(key: "category") var category: String
    @Field(key: "title") var title: String
    @Field(key: "detail") var detail: String
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @OptionalField(key: "project_id") var projectID: UUID?
    @Field(key: "enterprise_name") var enterpriseName: String
    @Field(key: "quantity_asked") var quantityAsked: String
    @Field(key: "quantity_granted") var quantityGranted: String
    @Field(key: "status") var status: WorkOrderStatus
    /// The person who asked; nil when an enterprise asked through a one-time link.
    @OptionalField(key: "requester_id") var requesterID: UUID?
    @OptionalField(key: "link_id") var linkID: UUID?
    @Field(key: "requester_name") var requesterName: String
    @OptionalField(key: "responsible_unit_id") var responsibleUnitID: UUID?
    @Field(key: "submitted_on") var submittedOn: String
    @Field(key: "deadline") var deadline: String
    @OptionalField(key: "answered_on") var answeredOn: String?
    @Field(key: "answer") var answer: String
    @Field(key: "answer_evidence") var answerEvidence: String
    @Field(key: "reopen_count") var reopenCount: Int
    /// The last answer came after the original deadline (kept for the accountability board).
    @Field(key: "answered_late") var answeredLate: Bool
    /// Calendar days from submission to closing, once closed.
    @OptionalField(key: "days_to_close") var daysToClose: Int?
    @OptionalField(key: "satisfied") var satisfied: Bool?
    @OptionalField(key: "closed_on") var closedOn: String?
    /// The last escalation step taken by the scan, and whether the deadline reminder went out.
    @Field(key: "escalation") var escalation: WorkOrderClock.Escalation
    @Field(key: "reminded") var reminded: Bool
    @Field(key: "version") var version: Int

    /// A new item has been neither reminded nor escalated.
    init() {
        (escalation, reminded) = (.none, false)
    }
}

/// One step on a work order's timeline: who did what on which day, and what they said.
final class WorkOrderEvent: Model, @unchecked Sendable {
    static let schema = "work_order_events"
    @ID var id: UUID?
    @Field(key: "work_order_id") var workOrderID: UUID
    @Field(key: "sequence") var sequence: Int
    @Field(key: "step") var step: String
    @Field(key: "actor_name") var actorName: String
    @Field(key: "on_date") var onDate: String
    @Field(key: "note") var note: String

    init() {}
}

/// A one-time link the bureau gives an enterprise (投诉直通车): it submits one demand without an
/// account, then follows and confirms it through the same link. Only the token's digest is kept.
final class DemandLink: Model, @unchecked Sendable {
    static let schema = "demand_links"
    @ID var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "enterprise_name") var enterpriseName: String
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_on") var createdOn: String
    @OptionalField(key: "work_order_id") var workOrderID: UUID?

    init() {}
}

/// 分办规则: which unit answers a kind (and category) of work order in a jurisdiction. Applied
/// at submission; the bureau may route otherwise.
final class RoutingRule: Model, @unchecked Sendable {
    static let schema = "routing_rules"
    @ID var id: UUID?
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "kind") var kind: WorkOrderKind
    /// Empty: any category of the kind.
    @Field(key: "category") var category: String
    @Field(key: "unit_id") var unitID: UUID

    init() {}
}
