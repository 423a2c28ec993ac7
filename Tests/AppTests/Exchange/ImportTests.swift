import Domain
import Fluent
import FluentSQL
import Foundation
import Spreadsheet
import Testing
import Vapor
import VaporTesting

@testable import App

/// 导入: the dry run is the commit rolled back (they cannot disagree), a file with one bad row
/// writes nothing, the same file twice changes nothing, every row goes through the registry's own
/// rules and audit, and nobody imports beyond their rights or their jurisdiction.
@Suite("导入企业：试导入即回滚的导入、全有或全无、重复导入无变化")
struct ImportTests {
    static func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("zs-import-\(UUID().uuidString)")
    }

    static func request(_ app: Application, login: String) async throws -> Request {
        let request = Request(application: app, on: app.eventLoopGroup.next())
        request.currentUser = try await LeadListTests.user(login, on: app.db)
        return request
    }

    /// A bureau's ledger: a title row merged over the columns, then the headers as they write them.
    static func ledger(_ rows: [[Cell]], in folder: URL) throws -> URL {
        let columns = [Column("序号", .integer), Column("单位名称"), Column("社会信用代码"), Column("注册资金（万元）", .amount), Column("是否招引企业")]
        let writer = try XLSXWriter(columns: columns, sheetName: "企业台账", directory: folder.appendingPathComponent("parts"))
        for row in rows { try writer.append(row) }
        let file = folder.appendingPathComponent("ledger.xlsx")
        try writer.finish(info: ExportInfo(title: "企业台账", lines: []), at: file)
        return file
    }

    static func run(_ app: Application, _ file: URL, login: String = "bureau", commit: Bool) async throws -> Import.Report {
        let source = try ImportSource.read(file)
        let kind = EnterpriseImport()
        let header = source.likelyHeaderRow(fields: kind.fields)
        let plan = Import.Plan(headerRow: header, mapping: ColumnMapping.suggest(headers: source.headers(at: header), fields: kind.fields))
        return try await ImportEngine(kind: kind).run(source, plan: plan, commit: commit, request: try await request(app, login: login))
    }

    @Test func theDryRunSaysWhatTheCommitDoesAndTheSameFileTwiceChangesNothing() async throws {
        try await withApp { app, _ in
            let folder = Self.scratch()
            defer { try? FileManager.default.removeItem(at: folder) }
            let weide = try #require(try await Enterprise.query(on: app.db).filter(\.$name == "湖北伟德线路板有限公司").first())
            let file = try Self.ledger(
                [
                    [.number(1), .text("荆门精密模具有限公司"), .empty, .number(4_389), .text("是")],
                    // the registry's entry by its USCC, its capital now 2.5亿 typed with its own unit
                    [.number(2), .text("湖北伟德线路板有限公司"), .text(weide.uscc!), .text("2.5亿"), .text("是")],
                ], in: folder)
            let before = try await Enterprise.query(on: app.db).count()
            let dry = try await Self.run(app, file, commit: false)
            #expect(dry.isClean && !dry.committed)
            #expect(dry.rows.map(\.outcome) == [.create, .update])
            // nothing written by the dry run, not even its audit
            #expect(try await Enterprise.query(on: app.db).count() == before)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "enterprise.create").count() == 0)
            let done = try await Self.run(app, file, commit: true)
            #expect(done.committed && done.rows.map(\.outcome) == dry.rows.map(\.outcome))
            #expect(try await Enterprise.query(on: app.db).count() == before + 1)
            let mould = try #require(try await Enterprise.query(on: app.db).filter(\.$name == "荆门精密模具有限公司").first())
            #expect(mould.registeredCapitalMinor == 43_890_000 * 100 && mould.attracted)
            let changed = try #require(try await Enterprise.find(weide.id, on: app.db))
            #expect(changed.registeredCapitalMinor == 250_000_000 * 100 && changed.version == weide.version + 1)
            // each row audited as if typed by hand, by the one who imported
            let audit = try await AuditRecord.query(on: app.db).filter(\.$actor == "bureau").all().map(\.action)
            #expect(audit.contains("enterprise.create") && audit.contains("enterprise.update") && audit.contains("import.enterprises"))
            // the same file again: every row unchanged, nothing written
            let again = try await Self.run(app, file, commit: true)
            #expect(again.rows.map(\.outcome) == [.unchanged, .unchanged])
            #expect(try await Enterprise.find(weide.id, on: app.db)?.version == weide.version + 1)
        }
    }

    @Test func oneBadRowAmongTenThousandWritesNothingAndIsNamedByRowAndColumn() async throws {
        try await withApp { app, _ in
            let folder = Self.scratch()
            defer { try? FileManager.default.removeItem(at: folder) }
            var rows: [[Cell]] = (1...10_000).map { n in
                [.number(Double(n)), .text("荆门演示导入\(n)号有限公司"), .empty, .number(Double(n % 500 + 10)), .text("否")]
            }
            rows[9_997][3] = .text("约五千万")  // Excel's row 9,999: the header is row 1
            let file = try Self.ledger(rows, in: folder)
            let before = try await Enterprise.query(on: app.db).count()
            let report = try await Self.run(app, file, commit: true)
            #expect(!report.committed && report.count("新增") == 9_999)
            #expect(report.errors.map(\.message) == ["第 9999 行 D 列：“约五千万”不是金额（应写作 29.14亿、4389万元 或 310万美元）"])
            #expect(try await Enterprise.query(on: app.db).count() == before)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "enterprise.create").count() == 0)
        }
    }

    @Test func aGBKFileAnotherJurisdictionsRowAndSomeoneWithoutTheRight() async throws {
        try await withApp { app, _ in
            let folder = Self.scratch()
            defer { try? FileManager.default.removeItem(at: folder) }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // saved by Chinese Windows Excel as "CSV (逗号分隔)": GB18030, 万元 in the header
            let csv = "企业名称,注册资本（万元）,所在地区\r\n荆门东宝新材料有限公司,\"1,273.75\",420802\r\n安庆演示化工有限公司,800,340800\r\n"
            let file = folder.appendingPathComponent("gbk.csv")
            try Data(try #require(TextDecoding.encodeGB18030(csv))).write(to: file)
            let report = try await Self.run(app, file, commit: true)
            #expect(report.rows.first?.outcome == .create)
            #expect(report.errors.map(\.message) == ["第 3 行 C 列：340800 不在您的辖区内"])
            #expect(!report.committed)
            // a cadre keeps no registry: the engine asks the policy before reading a row
            await #expect(throws: AppError.self) { try await Self.run(app, file, login: "cadre", commit: false) }
        }
    }

    /// The page flow as a bureau uses it: upload, the mapping suggested from its headers, 试导入
    /// with a row in error, the error rows downloaded, fixed, uploaded again and imported; a stale
    /// dry run refused; nobody sees another's import; an old .xls refused in words.
    @Test func aBureauImportsItsLedgerThroughThePages() async throws {
        try await withApp { app, _ in
            let folder = Self.scratch()
            defer { try? FileManager.default.removeItem(at: folder) }
            let bad = try Self.ledger(
                [
                    [.number(1), .text("荆门精密模具有限公司"), .empty, .number(4_389), .text("是")],
                    [.number(2), .text("荆门东宝新材料有限公司"), .empty, .text("待定"), .text("否")],
                ], in: folder)
            let bureau = Browser(app)
            try await bureau.login("bureau")
            _ = try await bureau.get("/imports")
            let uploaded = try await bureau.upload(
                "/imports", [("kind", "enterprises")], file: Upload(fileName: "企业台账.xlsx", bytes: Array(try Data(contentsOf: bad))))
            #expect(uploaded.status == .seeOther)
            let page = try await bureau.get(uploaded.location).body.string
            // the mapping suggested from the headers a bureau writes
            #expect(page.contains("单位名称") && page.contains(#"<option value="name" selected>"#))
            #expect(page.contains(#"<option value="capital" selected>"#))
            let id = String(uploaded.location.split(separator: "/").last!)
            let form = [("headerRow", "1"), ("col1", "name"), ("col3", "capital"), ("col4", "attracted")]
            #expect(try await bureau.post("/imports/\(id)/check", form).status == .seeOther)
            let checked = try await bureau.get("/imports/\(id)").body.string
            #expect(checked.contains("试导入结果") && checked.contains("第 3 行 D 列：“待定”不是金额"))
            #expect(!checked.contains("确认导入"))
            // a sheet the file does not hold is said in words, never a 500
            let noSheet = try await bureau.post("/imports/\(id)/check", [("sheet", "不存在的表")])
            #expect(noSheet.status == .unprocessableEntity && noSheet.body.string.contains("工作簿中没有名为“不存在的表”的工作表"))
            #expect(try await bureau.post("/imports/\(id)/check", form).status == .seeOther)
            // nothing to commit while a row is in error
            #expect(try await bureau.post("/imports/\(id)/commit", []).status == .conflict)
            // the rows in error come back as a workbook with their error, ready to fix
            let errors = try await bureau.get("/imports/\(id)/errors.xlsx")
            let file = folder.appendingPathComponent("errors.xlsx")
            try Data(errors.body.readableBytesView).write(to: file)
            let reader = try XLSXReader(url: file)
            let rows = try reader.rows(of: try reader.sheet(named: nil)).rows
            #expect(rows.count == 2 && rows[0][0] == .text("错误说明") && rows[1][2] == .text("荆门东宝新材料有限公司"))
            // fixed: the one row, uploaded again, checked and imported
            let fixed = try Self.ledger([[.number(2), .text("荆门东宝新材料有限公司"), .empty, .number(1_273.75), .text("否")]], in: folder)
            let again = try await bureau.upload(
                "/imports", [("kind", "enterprises")], file: Upload(fileName: "改正后.xlsx", bytes: Array(try Data(contentsOf: fixed))))
            let second = String(again.location.split(separator: "/").last!)
            #expect(
                try await bureau.post("/imports/\(second)/check", [("headerRow", "1"), ("col1", "name"), ("col3", "capital")]).status
                    == .seeOther)
            #expect(try await bureau.get("/imports/\(second)").body.string.contains("确认导入（共 1 行）"))
            // someone registers the same enterprise by hand meanwhile: the dry run is stale
            let entry = EnterpriseInput(
                uscc: "", name: "荆门东宝新材料有限公司", formerNames: [], legalRepresentative: "", industryCode: "", regionCode: Fixture.jingmen,
                registeredCapital: Money(minorUnits: 0), tags: [], attracted: false)
            let enterprise = try await EnterpriseService.insert(entry, on: app.db, by: .system("test"), at: 0)
            #expect(try await bureau.post("/imports/\(second)/commit", []).status == .seeOther)
            #expect(try await bureau.get("/imports/\(second)").body.string.contains("请重新试导入"))
            #expect(try await Enterprise.find(enterprise.id, on: app.db)?.registeredCapitalMinor == 0)
            // checked again, it updates the entry
            #expect(
                try await bureau.post("/imports/\(second)/check", [("headerRow", "1"), ("col1", "name"), ("col3", "capital")]).status
                    == .seeOther)
            #expect(try await bureau.post("/imports/\(second)/commit", []).status == .seeOther)
            #expect(try await bureau.get("/imports/\(second)").body.string.contains("导入完成"))
            #expect(try await Enterprise.find(enterprise.id, on: app.db)?.registeredCapitalMinor == 12_737_500 * 100)
            // another bureau person never sees it; a cadre imports leads and funds, not the registry,
            // and an observer imports nothing
            let leader = Browser(app)
            try await leader.login("anqing-bureau")
            #expect(try await leader.get("/imports/\(second)").status == .notFound)
            let cadre = Browser(app)
            try await cadre.login("cadre")
            let offered = try await cadre.get("/imports").body.string
            #expect(
                offered.contains("value=\"leads\"") && offered.contains("value=\"funds\"") && !offered.contains("value=\"enterprises\""))
            let notTheirs = try await cadre.upload(
                "/imports", [("kind", "enterprises")], file: Upload(fileName: "x.csv", bytes: Array("企业名称\n甲\n".utf8)))
            #expect(notTheirs.status == .unprocessableEntity && notTheirs.body.string.contains("请选择导入内容"))
            #expect(try await cadre.get("/imports/\(second)").status == .notFound)
            let observer = Browser(app)
            try await observer.login("observer")
            #expect(try await observer.get("/imports").status == .forbidden)
            // an old .xls is refused in words
            let xls = Upload(
                fileName: "台账.xls",
                bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
                    + Array("Workbook".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
            let refused = try await bureau.upload("/imports", [("kind", "enterprises")], file: xls)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("另存为 .xlsx"))
        }
    }
}
