import Domain
import Fluent
import Foundation

/// 线索: an investment lead brought by anyone (全民招商, SPEC §4), with its response clock.
final class Lead: Model, @unchecked Sendable {
    static let schema = "leads"
    @ID var id: UUID?
    @OptionalField(key: "enterprise_id") var enterpriseID: UUID?
    @Field(key: "enterprise_name") var enterpriseName: String
    @Field(key: "name_key") var nameKey: String
    @OptionalField(key: "uscc") var uscc: String?
    @Field(key: "industry_code") var industryCode: String
    @Field(key: "investment_minor") var investmentMinor: Int64
    @Field(key: "investment_currency") var investmentCurrency: String
    /// Land in tenths of a 亩, so that 12.5亩 is exact.
    @Field(key: "land_mu_tenths") var landMuTenths: Int
    @Field(key: "space_m2") var spaceM2: Int
    @Field(key: "energy_tce") var energyTCE: Int
    @Field(key: "power_kva") var powerKVA: Int
    @Field(key: "jobs") var jobs: Int
    @Field(key: "channel") var channel: LeadChannel
    @Field(key: "notes") var notes: String
    /// The investor's contact person, phone and home city, and what the project is (migration 032).
    @Field(key: "contact_name") var contactName: String
    @Field(key: "contact_phone") var contactPhone: String
    @Field(key: "home_city") var homeCity: String
    @Field(key: "project_content") var projectContent: String
    @Field(key: "status") var status: LeadStatus
    @Field(key: "submitter_id") var submitterID: UUID
    @Field(key: "submitter_unit_id") var submitterUnitID: UUID
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    /// Set when the submitter was told of an open lead for the same enterprise and submitted anyway.
    @OptionalField(key: "collides_with_id") var collidesWithID: UUID?
    @OptionalField(key: "merged_into_id") var mergedIntoID: UUID?
    @Field(key: "submitted_on") var submittedOn: String
    @Field(key: "respond_by") var respondBy: String
    @Field(key: "assess_by") var assessBy: String
    @Field(key: "feedback_by") var feedbackBy: String
    @OptionalField(key: "responded_on") var respondedOn: String?
    @OptionalField(key: "assessed_on") var assessedOn: String?
    @OptionalField(key: "feedback_on") var feedbackOn: String?
    @Field(key: "decision_note") var decisionNote: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// The fields added after the first release start empty (a record read back takes its own).
    init() { (contactName, contactPhone, homeCity, projectContent) = ("", "", "", "") }

    var investment: Money {
        Money(minorUnits: investmentMinor, currency: Currency(rawValue: investmentCurrency) ?? .cny)
    }
}
