import Fluent
import FluentSQL

/// The audit table refuses UPDATE and DELETE in the database itself, on both engines, so that not
/// even the application (or an administrator using it) can rewrite history.
struct CreateAuditLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditRecord.schema)
            .field("seq", .int64, .identifier(auto: false))
            .field("at_millis", .int64, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("object_type", .string, .required)
            .field("object_id", .string, .required)
            .field("ip", .string, .required)
            .field("before_json", .string, .required)
            .field("after_json", .string, .required)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
        let sql = database.sql
        try await sql.raw("CREATE INDEX audit_records_at ON audit_records (at_millis)").run()
        try await sql.raw("CREATE INDEX audit_records_object ON audit_records (object_type, object_id)").run()
        if sql.dialect.name == "sqlite" {
            for event in ["UPDATE", "DELETE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER audit_records_no_\(unsafeRaw: event.lowercased()) BEFORE \(unsafeRaw: event) ON audit_records
                    BEGIN SELECT RAISE(ABORT, 'audit_records is append-only'); END
                    """
                ).run()
            }
        } else {
            try await sql.raw(
                """
                CREATE FUNCTION audit_records_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'audit_records is append-only'; END $$ LANGUAGE plpgsql
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_records
                FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only()
                """
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        if sql.dialect.name != "sqlite" {
            try await sql.raw("DROP TRIGGER IF EXISTS audit_records_append_only ON audit_records").run()
            try await sql.raw("DROP FUNCTION IF EXISTS audit_records_append_only()").run()
        }
        try await database.schema(AuditRecord.schema).delete()
    }
}
