import Domain
import Fluent

/// One link of the hash-chained, append-only audit log (SPEC §12).
final class AuditRecord: Model, @unchecked Sendable {
    static let schema = "audit_records"
    @ID(custom: "seq", generatedBy: .user) var id: Int64?
    @Field(key: "at_millis") var atMillis: Int64
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "object_type") var objectType: String
    @Field(key: "object_id") var objectID: String
    @Field(key: "ip") var ip: String
    @Field(key: "before_json") var before: String
    @Field(key: "after_json") var after: String
    @Field(key: "prev_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}

    var content: AuditChain.Content {
        AuditChain.Content(
            sequence: id ?? 0, atMillis: atMillis, actor: actor, action: action, objectType: objectType,
            objectID: objectID, ip: ip, before: before, after: after)
    }
}
