import Fluent
import FluentSQL
import Foundation
import Vapor

#if canImport(Glibc)
    import Glibc
#endif

/// Online backup and restore (SPEC §12). SQLite: `VACUUM INTO` writes a consistent copy while
/// the system keeps serving; restore checks the copy (integrity, migrations, audit chain) before
/// it replaces the database file of a stopped system. PostgreSQL is backed up with its own tools.
enum Backup {
    enum Problem: Error, CustomStringConvertible {
        case notSQLite
        case targetExists(String)
        case notABackup(String)
        case damaged(String)

        var description: String {
            switch self {
            case .notSQLite: "backup/restore here is for SQLite; for PostgreSQL use pg_dump / pg_restore (see README)"
            case .targetExists(let path): "\(path) exists already; choose a new file name"
            case .notABackup(let path): "\(path) is not a Zhaoshang backup (no migrations table)"
            case .damaged(let detail): "the backup failed its check: \(detail)"
            }
        }
    }

    /// Writes a consistent copy of the live database to `path` and records it in the audit log.
    static func create(_ app: Application, to path: String) async throws -> Int64 {
        guard app.databaseEngine == .sqlite else { throw Problem.notSQLite }
        guard !FileManager.default.fileExists(atPath: path) else { throw Problem.targetExists(path) }
        try await app.db.sql.raw("VACUUM INTO \(bind: path)").run()
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        let millis = app.clock.millis
        try await app.writeTransaction { db in
            try await AuditLog.append(
                on: db, by: .system("backup"), action: "backup.create", objectType: "database", objectID: "-",
                after: ["file": URL(fileURLWithPath: path).lastPathComponent, "bytes": String(size)], at: millis)
        }
        return size
    }

    /// Checks a backup file on its own: SQLite integrity, our migrations, an intact audit chain.
    /// Returns the number of audit records verified.
    static func check(_ path: String) async throws -> Int64 {
        let probe = try await Application.make(.testing)
        do {
            try await configure(probe, database: .sqliteFile(path))
            let integrity = try await probe.db.sql.raw("PRAGMA integrity_check").first()?.decode(column: "integrity_check", as: String.self)
            guard integrity == "ok" else { throw Problem.damaged(integrity ?? "no answer") }
            let migrations = try await probe.db.sql.raw("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = '_fluent_migrations'")
                .first()?
                .decode(column: "n", as: Int.self)
            guard migrations == 1 else { throw Problem.notABackup(path) }
            let (broken, checked) = try await AuditLog.verify(on: probe.db)
            if let broken { throw Problem.damaged("audit chain broken: \(broken)") }
            try await probe.asyncShutdown()
            return checked
        } catch {
            try? await probe.asyncShutdown()
            throw error
        }
    }

    /// Replaces the database file at `target` with a checked backup. The system must be stopped.
    static func restore(from backup: String, to target: String) async throws -> Int64 {
        let checked = try await check(backup)
        let files = FileManager.default
        for suffix in ["-wal", "-shm"] where files.fileExists(atPath: target + suffix) { try files.removeItem(atPath: target + suffix) }
        let staging = target + ".restoring"
        if files.fileExists(atPath: staging) { try files.removeItem(atPath: staging) }
        try files.copyItem(atPath: backup, toPath: staging)
        // rename(2) replaces the old file atomically: never a moment without a database file
        guard rename(staging, target) == 0 else { throw Problem.damaged("could not move the restored file into place (errno \(errno))") }
        return checked
    }
}

struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "to", help: "The backup file to write (must not exist)") var to: String?
    }

    var help: String { "Writes a consistent copy of the running SQLite database (online)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Startup.prepareDatabase(app)
        let stamp = ISO8601DateFormatter().string(from: app.clock.now()).replacingOccurrences(of: ":", with: "")
        let path = signature.to ?? "zhaoshang-backup-\(stamp).sqlite"
        do {
            let size = try await Backup.create(app, to: path)
            context.console.print("backup written: \(path) (\(size / 1024) KiB)")
        } catch let problem as Backup.Problem {
            context.console.error(problem.description)
            throw ExitCode(1)
        }
    }
}

struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "from", help: "The backup file to restore") var from: String?
    }

    var help: String { "Checks a backup and puts it in place of DATABASE_PATH. Stop the server first." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let from = signature.from else {
            context.console.error("--from FILE is required")
            throw ExitCode(1)
        }
        guard Environment.get("DATABASE_URL")?.hasPrefix("postgres") != true else {
            context.console.error(Backup.Problem.notSQLite.description)
            throw ExitCode(1)
        }
        let target = Environment.get("DATABASE_PATH") ?? "zhaoshang.sqlite"
        do {
            let checked = try await Backup.restore(from: from, to: target)
            context.console.print("restored \(from) to \(target); audit chain intact (\(checked) records)")
        } catch let problem as Backup.Problem {
            context.console.error(problem.description)
            throw ExitCode(1)
        }
    }
}
