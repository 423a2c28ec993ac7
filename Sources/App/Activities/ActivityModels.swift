import Domain
import Fluent
import Foundation
import Vapor

/// 走访/活动: one piece of attraction work (SPEC §6). Its next step, if any, is its owner's to-do
/// until marked done.
final class Activity: Model, @unchecked Sendable {
    static let schema = "activities"
    @ID var id: UUID?
    @Field(key: "kind") var kind: ActivityKind
    @Field(key: "occurred_on") var occurredOn: String
    /// Where it happened: 深圳, 上海, or the home city.
    @Field(key: "city") var city: String
    @Field(key: "participants") var participants: String
    /// The enterprise or chamber met, as typed; `counterpartKey` is its normalised name, so
    /// visits to one enterprise count once.
    @Field(key: "counterpart") var counterpart: String
    @Field(key: "counterpart_key") var counterpartKey: String
    @OptionalField(key: "enterprise_id") var enterpriseID: UUID?
    @OptionalField(key: "lead_id") var leadID: UUID?
    @OptionalField(key: "project_id") var projectID: UUID?
    @Field(key: "outcome") var outcome: String
    @Field(key: "next_step") var nextStep: String
    @OptionalField(key: "next_due") var nextDue: String?
    @OptionalField(key: "next_done_on") var nextDoneOn: String?
    @Field(key: "owner_id") var ownerID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// The API's and the audit log's view of an activity.
struct ActivityDTO: Content {
    var id: UUID
    var kind: ActivityKind
    var occurredOn: String
    var city: String
    var participants: String
    var counterpart: String
    var leadID: UUID?
    var projectID: UUID?
    var outcome: String
    var nextStep: String
    var nextDue: String?
    var nextDoneOn: String?
    var ownerID: UUID
    var unitID: UUID

    init(_ a: Activity) {
        id = a.id ?? UUID()
        kind = a.kind
        occurredOn = a.occurredOn
        city = a.city
        participants = a.participants
        counterpart = a.counterpart
        leadID = a.leadID
        projectID = a.projectID
        outcome = a.outcome
        nextStep = a.nextStep
        nextDue = a.nextDue
        nextDoneOn = a.nextDoneOn
        ownerID = a.ownerID
        unitID = a.unitID
    }
}
