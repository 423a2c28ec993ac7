import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite("备份与恢复演练")
struct BackupTests {
    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("zs-\(UUID())-\(name).sqlite").path
    }

    @Test func restoreDrillBringsBackTheStateOfTheBackup() async throws {
        let live = temporaryPath("live")
        let backup = temporaryPath("backup")
        defer { for path in [live, live + "-wal", live + "-shm", backup] { try? FileManager.default.removeItem(atPath: path) } }

        // given a live system with data and an online backup taken while it runs
        let app = try await Application.make(.testing)
        do {
            try await configure(app, database: .sqliteFile(live))
            try await Startup.prepareDatabase(app)
            try await Fixture.load(app)
            try await Browser(app).login("bureau")
            #expect(try await Backup.create(app, to: backup) > 0)
            // when the data changes after the backup
            let api = try await APIClient.issue(app, login: "bureau")
            let id = try #require(try await Enterprise.query(on: app.db).filter(\.$name == "湖北伟德线路板有限公司").first()?.id)
            #expect(try await api.send(.PATCH, "/api/v1/enterprises/\(id)", json: #"{"name":"改名后的公司","version":1}"#).status == .ok)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "backup.create").count() == 1)
        } catch {
            Issue.record(error)
        }
        try await app.asyncShutdown()

        // and the stopped system is restored from the backup
        let verified = try await Backup.restore(from: backup, to: live)
        #expect(verified >= 1)

        // then the data is as it was at the backup, and the audit chain is intact
        let restored = try await Application.make(.testing)
        do {
            try await configure(restored, database: .sqliteFile(live))
            let names = try await Enterprise.query(on: restored.db).all().map(\.name)
            #expect(names.contains("湖北伟德线路板有限公司") && !names.contains("改名后的公司"))
            #expect(try await AuditLog.verify(on: restored.db).0 == nil)
            #expect(try await Browser(restored).login("bureau").status == .seeOther)
        } catch {
            Issue.record(error)
        }
        try await restored.asyncShutdown()
    }

    @Test func aDamagedOrForeignFileIsNotRestored() async throws {
        let target = temporaryPath("target")
        let foreign = temporaryPath("foreign")
        defer { for path in [target, foreign] { try? FileManager.default.removeItem(atPath: path) } }
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: foreign))
        try Data("current".utf8).write(to: URL(fileURLWithPath: target))
        await #expect(throws: (any Error).self) { try await Backup.restore(from: foreign, to: target) }
        // the current database file is untouched
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "current")
    }

    @Test func backupRefusesToOverwrite() async throws {
        try await withApp { app, _ in
            let existing = temporaryPath("exists")
            defer { try? FileManager.default.removeItem(atPath: existing) }
            try Data().write(to: URL(fileURLWithPath: existing))
            if app.databaseEngine == .sqlite {
                await #expect(throws: Backup.Problem.self) { try await Backup.create(app, to: existing) }
            } else {
                await #expect(throws: Backup.Problem.self) { try await Backup.create(app, to: temporaryPath("pg")) }
            }
        }
    }
}
