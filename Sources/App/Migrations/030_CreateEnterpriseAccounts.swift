import Fluent
import FluentSQL

/// 企业账号 (SPEC §1 role `enterprise`): which registry entry an enterprise's account speaks for.
/// The system administrator creates the login; the bureau ties it to the enterprise, so that the
/// account's demands carry the registry's name and are followed on the enterprise's page. One
/// enterprise per account; an enterprise may have several contacts.
struct CreateEnterpriseAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw(
            """
            CREATE TABLE enterprise_accounts (
              person_id UUID NOT NULL PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
              enterprise_id UUID NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
              linked_on TEXT NOT NULL, linked_by TEXT NOT NULL)
            """
        ).run()
        try await sql.raw("CREATE INDEX enterprise_accounts_enterprise ON enterprise_accounts (enterprise_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP TABLE enterprise_accounts").run()
    }
}
