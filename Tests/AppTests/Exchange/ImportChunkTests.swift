import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// A registry import reads and writes a chunk of rows at a time (`Import.chunk`); what a row sees
/// is what it would see row by row: an entry an earlier row created, in the same chunk or an
/// earlier one, is the same enterprise, and the audit chain holds every record in order.
@Suite("导入企业：分块读写，与逐行相同")
struct ImportChunkTests {
    @Test func aRowSeesTheEntriesEarlierRowsCreatedInAndAcrossChunks() async throws {
        try await withApp { app, _ in
            let folder = ImportTests.scratch()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            func valid(_ body: String) -> String { body + String(USCC.checkCharacter(for: Array(body))) }
            let (uscc, other) = (valid("91420800MA49XYKA1"), valid("91420800MA49XYKB2"))
            var lines = ["企业名称,统一社会信用代码,注册资本（万元）,所在地区"]
            // rows 2 and 3: new entries with their USCCs; row 4: row 2's name without it, a new
            // capital (the same chunk); row 1,203: row 3's name so, a new capital (the third chunk)
            lines.append("荆门分块新材料有限公司,\(uscc),500,东宝区")
            lines.append("荆门分块电子有限公司,\(other),300,东宝区")
            lines.append("荆门分块新材料有限公司,,800,东宝区")
            for n in 1...1198 { lines.append("荆门分块\(n)号有限公司,,\(n % 90 + 10),东宝区") }
            lines.append("荆门分块电子有限公司,,1273.75,东宝区")
            let file = folder.appendingPathComponent("chunks.csv")
            try Data(lines.joined(separator: "\n").utf8).write(to: file)
            let before = try await Enterprise.query(on: app.db).count()
            let (_, checkedBefore) = try await AuditLog.verify(on: app.db)

            let dry = try await LedgerImportTests.run(app, EnterpriseImport(), file, login: "bureau", commit: false)
            #expect(try await Enterprise.query(on: app.db).count() == before)
            let done = try await LedgerImportTests.run(app, EnterpriseImport(), file, login: "bureau", commit: true)
            #expect(done.committed && done.rows.map(\.outcome) == dry.rows.map(\.outcome))
            #expect(done.rows.count == 1202 && done.count("新增") == 1200 && done.count("更新") == 2)
            #expect(done.rows.first { $0.row == 4 }?.outcome == .update && done.rows.last?.outcome == .update)
            #expect(try await Enterprise.query(on: app.db).count() == before + 1200)
            let material = try await Enterprise.query(on: app.db).filter(\.$name == "荆门分块新材料有限公司").all()
            // 800万元 and 1,273.75万元, in fen
            #expect(material.count == 1 && material.first?.uscc == uscc && material.first?.registeredCapitalMinor == 800_000_000)
            #expect(material.first?.createdAt != nil && material.first?.version == 2)
            // written in a few statements, found by the registry's search like a typed entry
            let api = try await APIClient.issue(app, login: "bureau")
            let query = "分块新材料".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let found = try await api.send(.GET, "/api/v1/enterprises?q=\(query)").json["items"] as? [[String: Any]]
            #expect(found?.compactMap { $0["name"] as? String } == ["荆门分块新材料有限公司"])
            let electronics = try await Enterprise.query(on: app.db).filter(\.$name == "荆门分块电子有限公司").all()
            #expect(electronics.map(\.registeredCapitalMinor) == [1_273_750_000])
            // every row's record, in order, on one unbroken chain
            let (broken, checked) = try await AuditLog.verify(on: app.db)
            #expect(broken == nil && checked == checkedBefore + 1200 + 2 + 1)
            let actions = try await AuditRecord.query(on: app.db).filter(\.$actor == "bureau").all().map(\.action)
            #expect(actions.filter { $0 == "enterprise.create" }.count == 1200 && actions.filter { $0 == "enterprise.update" }.count == 2)
        }
    }
}
