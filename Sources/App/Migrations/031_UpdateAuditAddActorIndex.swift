import Fluent
import FluentSQL

/// 已办 on the workbench reads a person's own recent acts from the audit trail (`DoneList`): an
/// index by actor and time lets it read ten rows, not the whole chain.
struct UpdateAuditAddActorIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.raw("CREATE INDEX audit_records_actor ON audit_records (actor, at_millis)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP INDEX audit_records_actor").run()
    }
}
