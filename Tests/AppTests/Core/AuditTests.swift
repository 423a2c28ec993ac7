import Domain
import Fluent
import FluentSQL
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite("审计日志")
struct AuditTests {
    @Test func everyKindOfEventIsRecorded() async throws {
        try await withApp { app, _ in
            let browser = Browser(app)
            try await browser.login("bureau", password: "wrong-Password-1")
            try await browser.login("bureau")
            let id = try #require(try await Enterprise.query(on: app.db).first()?.id)
            _ = try await browser.post(
                "/enterprises/\(id)", [("name", "湖北伟德线路板股份有限公司"), ("regionCode", Fixture.dongbao), ("version", "1")])
            _ = try await browser.post("/logout", [])
            let auditor = Browser(app)
            try await auditor.login("aud")
            _ = try await auditor.get("/audit")
            _ = try await auditor.get("/audit?format=csv")
            let actions = Set(try await AuditRecord.query(on: app.db).all().map(\.action))
            for action in ["login.failed", "login.success", "enterprise.update", "logout", "audit.read", "export.audit"] {
                #expect(actions.contains(action), "\(action)")
            }
            let update = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "enterprise.update").first())
            #expect(update.before.contains("湖北伟德线路板有限公司") && update.after.contains("湖北伟德线路板股份有限公司"))
            #expect(update.actor == "bureau" && update.objectID == id.uuidString)
        }
    }

    @Test func theDatabaseRefusesToEditOrDeleteAuditRecords() async throws {
        try await withApp { app, _ in
            try await Browser(app).login("bureau")
            let sql = app.db.sql
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE audit_records SET actor = 'nobody'").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_records").run() }
            #expect(try await AuditRecord.query(on: app.db).filter(\.$actor == "bureau").count() == 1)
        }
    }

    @Test func tamperingIsFoundByVerify() async throws {
        try await withApp { app, _ in
            let browser = Browser(app)
            for _ in 0..<3 {
                try await browser.login("bureau")
                _ = try await browser.post("/logout", [])
            }
            #expect(try await AuditLog.verify(on: app.db).0 == nil)
            // someone with database access removes the guard and edits record 2
            let sql = app.db.sql
            if sql.dialect.name == "sqlite" {
                try await sql.raw("DROP TRIGGER audit_records_no_update").run()
            } else {
                try await sql.raw("ALTER TABLE audit_records DISABLE TRIGGER audit_records_append_only").run()
            }
            try await sql.raw("UPDATE audit_records SET actor = 'someone-else' WHERE seq = 2").run()
            let (broken, checked) = try await AuditLog.verify(on: app.db)
            #expect(broken == .contentChanged(sequence: 2))
            #expect(checked == 1)
        }
    }

    @Test func auditVerifyCommandExitsNonZeroOnTamper() async throws {
        try await withApp { app, _ in
            try await Browser(app).login("bureau")
            try await Browser(app).login("cadre")
            let sql = app.db.sql
            if sql.dialect.name == "sqlite" {
                try await sql.raw("DROP TRIGGER audit_records_no_delete").run()
            } else {
                try await sql.raw("ALTER TABLE audit_records DISABLE TRIGGER audit_records_append_only").run()
            }
            try await sql.raw("DELETE FROM audit_records WHERE seq = 1").run()
            var context = CommandContext(console: Terminal(), input: CommandInput(arguments: ["zhaoshang", "audit-verify"]))
            context.application = app
            await #expect(throws: ExitCode.self) { try await AuditVerifyCommand().run(using: context, signature: .init()) }
        }
    }

    @Test func beijingTimeIsUTCPlusEightAllYear() {
        // the test clock: 2026-11-21 01:00 UTC is 09:00 in Beijing
        #expect(BeijingTime.text(millis: 1_795_222_800_000) == "2026-11-21 09:00:00")
        #expect(BeijingTime.text(millis: 1_795_222_800_000 + 15 * 3_600_000 - 1) == "2026-11-21 23:59:59")
        #expect(BeijingTime.date(ofSeconds: 1_795_222_800 + 15 * 3600) == CivilDate("2026-11-22"))
        // the audit filter's day starts at Beijing midnight, 16:00 UTC the day before
        #expect(AuditController.Filter.millis("2026-11-21") == 1_795_190_400_000)
        #expect(AuditController.Filter.millis("2026-13-01") == nil)
    }

    /// The audit log exports through the lists' one export: every record the filters select, in
    /// the chain's order with its hashes, a hostile login defused; the old address still answers.
    @Test func theExportHoldsEveryRecordAndDefusesFormulas() async throws {
        try await withApp { app, _ in
            try await Browser(app).login("=HYPERLINK(\"x\")", password: "wrong-Password-1")
            for _ in 0..<3 { try await Browser(app).login("bureau") }
            let auditor = Browser(app)
            try await auditor.login("aud")
            let old = try await auditor.get("/audit/export.csv?actor=bureau")
            #expect(old.status == .seeOther && old.location == "/audit?actor=bureau&format=csv")
            let csv = try await auditor.get("/audit?actor=bureau&format=csv").body.string
            let lines = csv.split(separator: "\r\n").filter { $0.contains("login.success") }
            #expect(lines.count == 3)
            let records = try await AuditRecord.query(on: app.db).sort(\.$id).all()
            let all = try await auditor.get("/audit?format=csv").body.string
            #expect(all.contains("\"'=HYPERLINK(\"\"x\"\")\""))
            #expect(records.allSatisfy { all.contains($0.hash) })
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "export.audit").count() == 2)
        }
    }
}
