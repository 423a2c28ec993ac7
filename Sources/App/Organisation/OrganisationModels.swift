import Domain
import Fluent
import Foundation

/// 轮岗: a person's move between units and posts, kept, never overwritten (SPEC §2, seed [004]).
final class Rotation: Model, @unchecked Sendable {
    static let schema = "rotations"
    @ID var id: UUID?
    @Parent(key: "person_id") var person: Person
    @OptionalField(key: "from_unit_id") var fromUnitID: UUID?
    @Field(key: "to_unit_id") var toUnitID: UUID
    @Field(key: "from_post") var fromPost: String
    @Field(key: "to_post") var toPost: String
    @Field(key: "effective_on") var effectiveOn: String
    @Field(key: "note") var note: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
