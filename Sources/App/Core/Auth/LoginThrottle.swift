import Domain
import Fluent
import FluentSQL
import Vapor

/// Failed logins per (login name, source address), `AccountRules` counting: the fifth failure
/// locks that name from that address for 15 minutes. Unknown names are counted the same way, so
/// neither the count nor the message tells whether a name exists; another address is not locked
/// out. A success, or the security admin's unlock, clears the count.
enum LoginThrottle {
    static func key(_ login: String) -> String { Secrets.digest("login:" + login.lowercased()) }

    /// Seconds since 1970 until which this name is locked from this address, if it is now.
    static func lockedUntil(_ login: String, source: String, now: Int64, on db: any Database) async throws -> Int64? {
        struct Row: Decodable {
            var lockedUntil: Int64?
            enum CodingKeys: String, CodingKey { case lockedUntil = "locked_until" }
        }
        let row = try await db.sql.raw(
            "SELECT locked_until FROM login_throttles WHERE login_digest = \(bind: key(login)) AND source = \(bind: source)"
        ).first(decoding: Row.self)
        guard let until = row?.lockedUntil, AccountRules.isLocked(lockedUntil: until, now: now) else { return nil }
        return until
    }

    /// Counts a failure; returns the lock's end if this one locks.
    static func fail(_ login: String, source: String, now: Int64, on db: any Database) async throws -> Int64? {
        struct Row: Decodable { var failures: Int }
        let digest = key(login)
        let current = try await db.sql.raw(
            "SELECT failures FROM login_throttles WHERE login_digest = \(bind: digest) AND source = \(bind: source)"
        ).first(decoding: Row.self)
        let outcome = AccountRules.afterFailure(failures: current?.failures ?? 0, now: now)
        try await db.sql.raw(
            """
            INSERT INTO login_throttles (login_digest, source, failures, locked_until, updated_at)
            VALUES (\(bind: digest), \(bind: source), \(bind: outcome.failures), \(bind: outcome.lockedUntil), \(bind: now))
            ON CONFLICT (login_digest, source) DO UPDATE SET failures = excluded.failures,
              locked_until = COALESCE(excluded.locked_until, login_throttles.locked_until), updated_at = excluded.updated_at
            """
        ).run()
        return outcome.lockedUntil
    }

    /// Clears the count of one address, or of every address (the security admin's unlock).
    static func clear(_ login: String, source: String? = nil, on db: any Database) async throws {
        if let source {
            try await db.sql.raw(
                "DELETE FROM login_throttles WHERE login_digest = \(bind: key(login)) AND source = \(bind: source)"
            ).run()
        } else {
            try await db.sql.raw("DELETE FROM login_throttles WHERE login_digest = \(bind: key(login))").run()
        }
    }

    static func message(until: Int64, now: Int64, _ lang: Lang) -> String {
        let minutes = max(1, (until - now + 59) / 60)
        return lang(
            "登录失败次数过多，请 \(minutes) 分钟后再试，或联系安全管理员。",
            "Too many failed attempts from here: try again in \(minutes) minutes, or ask the security admin.")
    }
}
