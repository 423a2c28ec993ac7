import Fluent
import FluentSQL

/// Failed logins counted per login name and source address (`LoginThrottle`), for names that
/// exist and names that do not alike: five failures lock that name from that address for 15
/// minutes, and nobody else out.
struct CreateLoginThrottles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.raw(
            """
            CREATE TABLE login_throttles (
              login_digest TEXT NOT NULL, source TEXT NOT NULL, failures INTEGER NOT NULL, locked_until BIGINT,
              updated_at BIGINT NOT NULL, PRIMARY KEY (login_digest, source))
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP TABLE login_throttles").run()
    }
}
