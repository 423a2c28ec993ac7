import Domain
import Fluent
import Foundation

/// 行政区划: a node of the GB/T 2260 tree the system serves.
final class Jurisdiction: Model, @unchecked Sendable {
    static let schema = "jurisdictions"
    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @OptionalField(key: "parent_code") var parentCode: String?

    init() {}
    init(code: JurisdictionCode, name: String) {
        self.id = code.value
        self.name = name
        self.parentCode = code.parent?.value
    }
}

/// 单位: bureau, department, park, town, team, resident office, task force… (SPEC §2).
final class Unit: Model, @unchecked Sendable {
    static let schema = "units"
    @ID var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: UnitKind
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @OptionalParent(key: "parent_id") var parent: Unit?
    @OptionalField(key: "host_city") var hostCity: String?
    @OptionalField(key: "evaluation_series") var evaluationSeries: EvaluationSeries?
    @OptionalField(key: "dissolved_on") var dissolvedOn: String?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// 干部/用户: a person, with or without a login (SPEC §2).
final class Person: Model, @unchecked Sendable {
    static let schema = "persons"
    @ID var id: UUID?
    @Field(key: "name") var name: String
    @Parent(key: "unit_id") var unit: Unit
    @Field(key: "post") var post: String
    @Field(key: "phone") var phone: String
    @OptionalField(key: "login") var login: String?
    @OptionalField(key: "password_hash") var passwordHash: String?
    /// Role codes, comma-separated in a stable order.
    @Field(key: "roles") var roleCodes: String
    @Field(key: "failed_logins") var failedLogins: Int
    @OptionalField(key: "locked_until") var lockedUntil: Int64?
    @Field(key: "active") var active: Bool
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var roles: Set<Role> {
        get { Set(roleCodes.split(separator: ",").compactMap { Role(rawValue: String($0)) }) }
        set { roleCodes = newValue.sorted().map(\.rawValue).joined(separator: ",") }
    }
}
