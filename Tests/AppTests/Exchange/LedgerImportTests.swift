import Domain
import Fluent
import Foundation
import Spreadsheet
import Testing
import Vapor
import VaporTesting

@testable import App

/// The lead ledger and the funds ledger come in through the very services their forms use: the
/// collision check names who holds an enterprise, the money rules refuse an arrival before the
/// signing, an imported arrival waits for the bureau's verification like a typed one, and the same
/// ledger imported twice changes nothing.
@Suite("导入线索与到位资金台账：与逐条填报同一规则")
struct LedgerImportTests {
    static func workbook(_ columns: [Column], _ rows: [[Cell]], in folder: URL) throws -> URL {
        let writer = try XLSXWriter(columns: columns, sheetName: "台账", directory: folder.appendingPathComponent("parts-\(UUID())"))
        for row in rows { try writer.append(row) }
        let file = folder.appendingPathComponent("\(UUID()).xlsx")
        try writer.finish(info: ExportInfo(title: "台账", lines: []), at: file)
        return file
    }

    static func run(_ app: Application, _ kind: any ImportKind, _ file: URL, login: String, commit: Bool) async throws -> Import.Report {
        let source = try ImportSource.read(file)
        let header = source.likelyHeaderRow(fields: kind.fields)
        let plan = Import.Plan(headerRow: header, mapping: ColumnMapping.suggest(headers: source.headers(at: header), fields: kind.fields))
        return try await kind.run(source, plan: plan, commit: commit, request: try await ImportTests.request(app, login: login))
    }

    @Test func aFundsLedgerIsReportedNotVerifiedAndTheMoneyRulesHoldForEachRow() async throws {
        try await withApp { app, _ in
            let folder = ImportTests.scratch()
            defer { try? FileManager.default.removeItem(at: folder) }
            // signed on 2026-03-02 for 29.14亿元 [004]
            let (id, _, _) = try await ProjectMoneyTests.signed(app)
            let title = try #require(try await Project.find(id, on: app.db)).title
            let columns = [Column("项目名称"), Column("到位日期", .date), Column("本次到位资金（万元）", .amount), Column("备注")]
            let good: [[Cell]] = [
                // [004] 4.389亿元 arrived; [003] 310万美元 of foreign capital, its unit typed in the cell
                [.text(title), .date(SheetDate(year: 2026, month: 3, day: 20)!), .number(43_890), .text("进账单 0318")],
                [.text(title), .text("2026年3月31日"), .text("310万美元"), .empty],
            ]
            let bad =
                good + [
                    [.text(title), .text("2026-02-01"), .number(500), .empty],
                    [.text("不存在的项目"), .text("2026-03-20"), .number(500), .empty],
                ]
            let report = try await Self.run(app, FundsImport(), try Self.workbook(columns, bad, in: folder), login: "cadre", commit: true)
            #expect(!report.committed && report.count("新增") == 2)
            #expect(
                report.errors.map(\.message) == [
                    "第 4 行 B 列：到位日期不能早于签约日期。",
                    "第 5 行 A 列：辖区内找不到项目“不存在的项目”（按项目名称、企业名称或统一社会信用代码查找）",
                ])
            #expect(try await FundsArrival.query(on: app.db).count() == 0)

            let file = try Self.workbook(columns, good, in: folder)
            let dry = try await Self.run(app, FundsImport(), file, login: "cadre", commit: false)
            let done = try await Self.run(app, FundsImport(), file, login: "cadre", commit: true)
            #expect(done.committed && done.rows.map(\.outcome) == dry.rows.map(\.outcome) && dry.rows.map(\.outcome) == [.create, .create])
            let entries = try await FundsArrival.query(on: app.db).sort(\.$arrivedOn).all()
            #expect(entries.map(\.amount) == [Money(minorUnits: 438_900_000 * 100), Money(minorUnits: 3_100_000 * 100, currency: .usd)])
            #expect(entries.map(\.isForeign) == [false, true])
            // reported, not verified: no figure counts them until the bureau verifies
            #expect(entries.allSatisfy { $0.verifiedBy == nil })
            let audit = try await AuditRecord.query(on: app.db).filter(\.$actor == "cadre").all().map(\.action)
            #expect(audit.filter { $0 == "funds.record" }.count == 2 && audit.contains("import.funds"))
            let again = try await Self.run(app, FundsImport(), file, login: "cadre", commit: true)
            #expect(again.rows.map(\.outcome) == [.unchanged, .unchanged])
            #expect(try await FundsArrival.query(on: app.db).count() == 2)
            // another jurisdiction's bureau does not find the project at all
            let foreign = try await Self.run(app, FundsImport(), file, login: "anqing-bureau", commit: false)
            #expect(foreign.errors.count == 2 && foreign.errors.allSatisfy { $0.message.contains("辖区内找不到项目") })
        }
    }

    @Test func aLeadLedgerMeetsTheCollisionCheckAndTheSameFileTwiceChangesNothing() async throws {
        try await withApp { app, _ in
            let folder = ImportTests.scratch()
            defer { try? FileManager.default.removeItem(at: folder) }
            _ = try await Fixture.cadre("park-cadre", unit: "荆门化工循环产业园", on: app.db)
            let columns = [Column("序号", .integer), Column("企业名称"), Column("计划总投资（亿元）", .amount), Column("信息来源"), Column("联系电话")]
            let file = try Self.workbook(
                columns,
                [
                    [.number(1), .text("荆门精密模具有限公司"), .number(5), .text("以商招商"), .text("0724-2345678")],
                    [.number(2), .text("荆门东宝新材料有限公司"), .text("8000万"), .text("展会招商"), .empty],
                ], in: folder)
            let dry = try await Self.run(app, LeadImport(), file, login: "cadre", commit: false)
            #expect(dry.isClean && dry.rows.map(\.outcome) == [.create, .create])
            #expect(try await Lead.query(on: app.db).count() == 0)
            let done = try await Self.run(app, LeadImport(), file, login: "cadre", commit: true)
            #expect(done.committed)
            let leads = try await Lead.query(on: app.db).sort(\.$enterpriseName).all()
            #expect(leads.map(\.investment) == [Money(minorUnits: 80_000_000 * 100), Money(minorUnits: 500_000_000 * 100)])
            #expect(leads.map(\.channel) == [.exhibition, .businessReferral] && leads.allSatisfy { $0.status == .submitted })
            // each with its response clock, audited as the cadre's submission
            #expect(leads.allSatisfy { !$0.respondBy.isEmpty })
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "lead.submit").filter(\.$actor == "cadre").count() == 2)
            #expect(
                try await Self.run(app, LeadImport(), file, login: "cadre", commit: true).rows.map(\.outcome) == [.unchanged, .unchanged])

            // a park's cadre imports the same enterprise: told who holds it, nothing written
            let theirs = try Self.workbook(
                columns,
                [
                    [.number(1), .text("荆门精密模具有限公司（筹）"), .number(5), .text("上门走访"), .empty],
                    [.number(2), .text("荆门新能源科技有限公司"), .number(3), .text("朋友圈"), .empty],
                ], in: folder)
            let refused = try await Self.run(app, LeadImport(), theirs, login: "park-cadre", commit: true)
            #expect(!refused.committed && refused.errors.count == 2)
            #expect(refused.errors[0].message.hasPrefix("第 2 行 B 列：该企业已在办（已由") && refused.errors[0].message.contains("不重复计功"))
            #expect(refused.errors[1].message.hasPrefix("第 3 行 D 列：“朋友圈”不是线索来源"))
            #expect(try await Lead.query(on: app.db).count() == 2)
        }
    }

    /// A bureau maps a header the suggestions do not know (纳税人识别号) by hand once and saves the
    /// mapping; next month's ledger, its columns swapped under a new title row, maps itself.
    @Test func aSavedTemplateMapsNextMonthsLedgerByItsHeaders() async throws {
        try await withApp { app, _ in
            let weide = try #require(try await Enterprise.query(on: app.db).filter(\.$name == "湖北伟德线路板有限公司").first())
            let uscc = try #require(weide.uscc)
            let bureau = Browser(app)
            try await bureau.login("bureau")
            _ = try await bureau.get("/imports")
            let first = "单位名称,纳税人识别号\n湖北伟德线路板有限公司,\(uscc)\n"
            let uploaded = try await bureau.upload(
                "/imports", [("kind", "enterprises")], file: Upload(fileName: "十月.csv", bytes: Array(first.utf8)))
            let id = String(uploaded.location.split(separator: "/").last!)
            #expect(try await bureau.get("/imports/\(id)").body.string.contains("列对应按表头自动识别"))
            #expect(
                try await bureau.post("/imports/\(id)/check", [("headerRow", "1"), ("col0", "name"), ("col1", "uscc")]).status == .seeOther)
            #expect(try await bureau.get("/imports/\(id)").body.string.contains(#"value="企业库""#))
            #expect(try await bureau.post("/imports/\(id)/commit", [("template", " 企业月报 ")]).status == .seeOther)
            let template = try #require(try await ImportTemplate.query(on: app.db).first())
            #expect(template.name == "企业月报" && template.fields == ["单位名称": "name", "纳税人识别号": "uscc"])
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "import.template").count() == 1)

            let next = "2026年11月企业台账\n纳税人识别号,单位名称\n\(uscc),湖北伟德线路板有限公司\n"
            let again = try await bureau.upload(
                "/imports", [("kind", "enterprises")], file: Upload(fileName: "十一月.csv", bytes: Array(next.utf8)))
            let record = try #require(
                try await ImportRecord.find(UUID(uuidString: String(again.location.split(separator: "/").last!)), on: app.db))
            #expect(record.template == "企业月报" && record.plan.headerRow == 2 && record.plan.mapping == [0: "uscc", 1: "name"])
            #expect(try await bureau.get(again.location).body.string.contains("已按本单位模板“企业月报”对应列"))
            // another unit's bureau has no such template
            let anqing = Browser(app)
            try await anqing.login("anqing-bureau")
            _ = try await anqing.get("/imports")
            let theirs = try await anqing.upload(
                "/imports", [("kind", "enterprises")], file: Upload(fileName: "十一月.csv", bytes: Array(next.utf8)))
            let their = try #require(
                try await ImportRecord.find(UUID(uuidString: String(theirs.location.split(separator: "/").last!)), on: app.db))
            #expect(their.template.isEmpty && their.plan.mapping.values.contains("uscc") == false)
        }
    }

    /// A cadre's whole path through the pages: the kinds they may write offered, their own upload
    /// theirs to check and commit.
    @Test func aCadreImportsALeadLedgerThroughThePages() async throws {
        #expect(Set(ImportKinds.base.map(\.resource)) == Set(AccessPolicy.importable))
        try await withApp { app, _ in
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await cadre.get("/imports")
            let csv = "企业名称,意向投资额,线索来源\n荆门精密模具有限公司,5亿,展会招商\n"
            let uploaded = try await cadre.upload("/imports", [("kind", "leads")], file: Upload(fileName: "线索.csv", bytes: Array(csv.utf8)))
            #expect(uploaded.status == .seeOther)
            let page = try await cadre.get(uploaded.location)
            #expect(page.status == .ok && page.body.string.contains(#"<option value="channel" selected>"#))
            let id = String(uploaded.location.split(separator: "/").last!)
            #expect(
                try await cadre.post(
                    "/imports/\(id)/check", [("headerRow", "1"), ("col0", "enterpriseName"), ("col1", "investment"), ("col2", "channel")]
                ).status == .seeOther)
            #expect(try await cadre.get("/imports/\(id)").body.string.contains("确认导入（共 1 行）"))
            #expect(try await cadre.post("/imports/\(id)/commit", [("template", "")]).status == .seeOther)
            #expect(try await cadre.get("/imports/\(id)").body.string.contains("导入完成"))
            #expect(try await Lead.query(on: app.db).filter(\.$channel == .exhibition).count() == 1)
            // no name, no template
            #expect(try await ImportTemplate.query(on: app.db).count() == 0)
        }
    }

    /// The yearly table from the statistics bureau: each row's enterprise found by USCC or by its
    /// one name in the jurisdiction, each year written as the enterprise page's form writes it.
    @Test func anEnterprisesYearlyFiguresComeInAndTheSameTableTwiceChangesNothing() async throws {
        try await withApp { app, _ in
            let folder = ImportTests.scratch()
            defer { try? FileManager.default.removeItem(at: folder) }
            let weide = try #require(try await Enterprise.query(on: app.db).filter(\.$name == "湖北伟德线路板有限公司").first())
            let columns = [
                Column("企业名称"), Column("统一社会信用代码"), Column("统计年度"), Column("工业总产值（亿元）", .amount), Column("实缴税金（万元）", .amount),
                Column("从业人数", .integer),
            ]
            let rows: [[Cell]] = [
                [.text("湖北伟德线路板有限公司"), .text(weide.uscc!), .number(2025), .number(29.14), .number(4_389), .number(1_200)],
                [.text("湖北伟德线路板有限公司"), .empty, .text("2024年"), .text("8.41亿"), .number(1_273.75), .number(980)],
            ]
            let file = try Self.workbook(columns, rows, in: folder)
            let bad = try Self.workbook(
                columns, rows + [[.text("荆门不存在有限公司"), .empty, .number(2025), .number(1), .number(1), .number(1)]], in: folder)
            let refused = try await Self.run(app, FiguresImport(), bad, login: "bureau", commit: true)
            #expect(!refused.committed && refused.errors.map(\.message) == ["第 4 行 A 列：辖区企业库中没有“荆门不存在有限公司”（请先导入或登记企业）"])
            #expect(try await EnterpriseFigure.query(on: app.db).count() == 0)
            let done = try await Self.run(app, FiguresImport(), file, login: "bureau", commit: true)
            #expect(done.committed && done.rows.map(\.outcome) == [.create, .create])
            let figures = try await EnterpriseFigure.query(on: app.db).sort(\.$year).all()
            #expect(figures.map(\.year) == [2024, 2025] && figures.allSatisfy { $0.$enterprise.id == weide.id })
            #expect(figures.map(\.outputMinor) == [841_000_000 * 100, 2_914_000_000 * 100])
            #expect(figures.map(\.taxMinor) == [12_737_500 * 100, 43_890_000 * 100] && figures.map(\.employees) == [980, 1_200])
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "enterprise.figures.create").count() == 2)
            #expect(
                try await Self.run(app, FiguresImport(), file, login: "bureau", commit: true).rows.map(\.outcome) == [
                    .unchanged, .unchanged,
                ])
            // another province's bureau finds no such enterprise; a cadre keeps no registry
            let foreign = try await Self.run(app, FiguresImport(), file, login: "anqing-bureau", commit: false)
            #expect(foreign.errors.count == 2)
            await #expect(throws: AppError.self) { try await Self.run(app, FiguresImport(), file, login: "cadre", commit: false) }
        }
    }

    /// A ledger of more rows than the page waits for runs after the response: the page shows how far
    /// it has come and refreshes itself, then the report; one run per upload at a time.
    @Test func aLongLedgerRunsAfterTheResponseWithItsProgressOnThePage() async throws {
        let jobs = ImportJobs()
        let one = UUID()
        #expect(jobs.start(one, total: 10, commit: false) && !jobs.start(one, total: 10, commit: true))
        jobs.update(one, done: 4, total: 10)
        #expect(jobs.progress(one) == .init(done: 4, total: 10, commit: false))
        jobs.finish(one)
        #expect(jobs.progress(one) == nil && jobs.start(one, total: 1, commit: true))
        #expect(
            AmountColumn.grouped(2_500) == "2,500" && AmountColumn.grouped(999) == "999" && AmountColumn.grouped(1_000_000) == "1,000,000")
        try await withApp { app, _ in
            let rows = ImportWebController.inlineRows + 500
            let csv = "企业名称,注册资本（万元）\n" + (1...rows).map { "荆门后台导入\($0)号有限公司,\($0 % 90 + 10)" }.joined(separator: "\n")
            let bureau = Browser(app)
            try await bureau.login("bureau")
            _ = try await bureau.get("/imports")
            let uploaded = try await bureau.upload(
                "/imports", [("kind", "enterprises")], file: Upload(fileName: "大台账.csv", bytes: Array(csv.utf8)))
            let id = try #require(UUID(uuidString: String(uploaded.location.split(separator: "/").last!)))
            let checking = try await bureau.post("/imports/\(id)/check", [("headerRow", "1"), ("col0", "name"), ("col1", "capital")])
            // back to the page, not to a report: the run goes on after the response
            #expect(checking.status == .seeOther && checking.location == "/imports/\(id)")
            let page = try await bureau.get("/imports/\(id)").body.string
            #expect(page.contains("正在试导入") || page.contains("试导入结果"))
            if page.contains("正在试导入") { #expect(page.contains("data-refresh=\"2\"") && page.contains("全部完成前不写入任何记录")) }
            func settled(_ status: String) async throws -> ImportRecord {
                for _ in 0..<600 {
                    if let record = try await ImportRecord.find(id, on: app.db), record.status == status { return record }
                    try await Task.sleep(for: .milliseconds(200))
                }
                throw Abort(.requestTimeout)
            }
            let checked = try await settled("checked")
            #expect(checked.stored?.count("新增") == rows && !checked.dryRunDigest.isEmpty)
            // the run lets go of the import just after it saved the report
            for _ in 0..<100 where app.importJobs.progress(id) != nil { try await Task.sleep(for: .milliseconds(20)) }
            #expect(app.importJobs.progress(id) == nil)
            let before = try await Enterprise.query(on: app.db).count()
            #expect(try await bureau.post("/imports/\(id)/commit", [("template", "")]).status == .seeOther)
            _ = try await settled("committed")
            #expect(try await Enterprise.query(on: app.db).count() == before + rows)
            #expect(try await bureau.get("/imports/\(id)").body.string.contains("导入完成"))
        }
    }

    /// A county's units and people come in through the organisation's own checks: a parent may be
    /// an earlier row of the file; people come in as cadres without accounts (三员分立); the same
    /// lists again change nothing, a phone added updates the person.
    @Test func unitsAndPeopleComeInAsTheFormsCreateThem() async throws {
        try await withApp { app, _ in
            let folder = ImportTests.scratch()
            defer { try? FileManager.default.removeItem(at: folder) }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            func csv(_ text: String) throws -> URL {
                let file = folder.appendingPathComponent("\(UUID()).csv")
                try Data(text.utf8).write(to: file)
                return file
            }
            let units = try csv(
                "单位名称,单位类型,上级单位,驻点城市\n荆门高新区招商分局,产业招商分局,,\n荆门高新区招商一分队,分队,荆门高新区招商分局,\n驻杭州招商工作队,驻外招商机构,,杭州\n")
            let bad = try csv("单位名称,单位类型\n荆门某某机构,外星机构\n")
            let refused = try await Self.run(app, UnitImport(), bad, login: "sys", commit: true)
            #expect(refused.errors.map(\.message).first?.hasPrefix("第 2 行 B 列：“外星机构”不是单位类型，应为：领导小组") == true)
            let done = try await Self.run(app, UnitImport(), units, login: "sys", commit: true)
            #expect(done.committed && done.rows.map(\.outcome) == [.create, .create, .create])
            let branch = try #require(try await Unit.query(on: app.db).filter(\.$name == "荆门高新区招商分局").first())
            let team = try #require(try await Unit.query(on: app.db).filter(\.$name == "荆门高新区招商一分队").first())
            #expect(branch.kind == .industryBureau && team.kind == .industryTeam && team.$parent.id == branch.id)
            #expect(try await Unit.query(on: app.db).filter(\.$name == "驻杭州招商工作队").first()?.hostCity == "杭州")
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "unit.create").filter(\.$actor == "sys").count() == 3)
            #expect(
                try await Self.run(app, UnitImport(), units, login: "sys", commit: true).rows.map(\.outcome) == [
                    .unchanged, .unchanged, .unchanged,
                ])

            let people = try csv("姓名,所在单位,职务\n张明,驻杭州招商工作队,队长\n李华,驻杭州招商工作队,队员\n")
            #expect(try await Self.run(app, PersonImport(), people, login: "sys", commit: true).rows.map(\.outcome) == [.create, .create])
            let zhang = try #require(try await Person.query(on: app.db).filter(\.$name == "张明").first())
            #expect(zhang.roles == [.cadre] && zhang.login == nil && zhang.passwordHash == nil && zhang.post == "队长")
            let phones = try csv("姓名,所在单位,手机\n张明,驻杭州招商工作队,13800138001\n李华,驻杭州招商工作队,\n王五,不存在的单位,\n")
            let again = try await Self.run(app, PersonImport(), phones, login: "sys", commit: true)
            #expect(again.errors.map(\.message) == ["第 4 行 B 列：辖区内没有名为“不存在的单位”的单位（可先导入单位）"])
            let fixed = try csv("姓名,所在单位,手机\n张明,驻杭州招商工作队,13800138001\n李华,驻杭州招商工作队,\n")
            #expect(
                try await Self.run(app, PersonImport(), fixed, login: "sys", commit: true).rows.map(\.outcome) == [.update, .unchanged])
            #expect(try await Person.find(zhang.id, on: app.db)?.phone == "13800138001")
            #expect(try await Person.find(zhang.id, on: app.db)?.post == "队长")
            // a cadre is offered neither
            let cadre = try await ImportTests.request(app, login: "cadre")
            #expect(!ImportKinds.allowed(cadre).contains { $0.name == "units" || $0.name == "persons" })
        }
    }

    /// A cadre's visit ledger: each row as the activity form records it, the registry's enterprise
    /// found by name, a date in the future refused, the same ledger twice unchanged.
    @Test func aVisitLedgerIsRecordedAsTheCadresOwnActivities() async throws {
        try await withApp { app, _ in
            let folder = ImportTests.scratch()
            defer { try? FileManager.default.removeItem(at: folder) }
            let today = app.clock.today
            let columns = [Column("走访日期", .date), Column("形式"), Column("走访企业"), Column("地点"), Column("洽谈成果"), Column("下一步"), Column("期限")]
            let day = SheetDate(year: today.year, month: today.month, day: 1)!
            let rows: [[Cell]] = [
                [.date(day), .text("上门走访"), .text("湖北伟德线路板有限公司"), .text("荆门"), .text("了解扩产用地需求"), .text("报送用地指标"), .text("2099-12-31")],
                [.date(day), .text("视频洽谈"), .text("深圳某电子商会"), .text("深圳"), .text("介绍电子信息产业园"), .empty, .empty],
            ]
            let future = try Self.workbook(
                columns, [[.text("2099-01-01"), .text("走访"), .text("甲公司"), .text("荆门"), .text("x"), .empty, .empty]], in: folder)
            let refused = try await Self.run(app, ActivityImport(), future, login: "cadre", commit: true)
            #expect(refused.errors.map(\.message) == ["第 2 行 A 列：日期不能晚于今天。"])
            let file = try Self.workbook(columns, rows, in: folder)
            let done = try await Self.run(app, ActivityImport(), file, login: "cadre", commit: true)
            #expect(done.committed && done.rows.map(\.outcome) == [.create, .create])
            let activities = try await Activity.query(on: app.db).sort(\.$kind).all()
            #expect(activities.map(\.kind) == [.enterpriseVisit, .call].sorted { $0.rawValue < $1.rawValue })
            let visit = try #require(activities.first { $0.kind == .enterpriseVisit })
            let weide = try #require(try await Enterprise.query(on: app.db).filter(\.$name == "湖北伟德线路板有限公司").first())
            #expect(visit.enterpriseID == weide.id && visit.nextDue == "2099-12-31" && visit.occurredOn == day.description)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "activity.record").filter(\.$actor == "cadre").count() == 2)
            #expect(
                try await Self.run(app, ActivityImport(), file, login: "cadre", commit: true).rows.map(\.outcome) == [
                    .unchanged, .unchanged,
                ])
        }
    }
}
