import Domain
import Fluent
import Foundation
import Spreadsheet
import Testing
import Vapor
import VaporTesting

@testable import App

/// 项目台账补录: a bureau's ledger of past projects comes in with its real dates through the paths a
/// hand uses — the lead's collision check, the acceptance's host, credit split and 包保领导, the
/// stage machine — reported, not verified: seed [002]'s project reads 278 days only after a second
/// bureau person verifies its stages.
@Suite("导入项目台账：历史项目按真实日期补录")
struct ProjectImportTests {
    static let columns = [
        Column("项目名称"), Column("企业名称"), Column("统一社会信用代码"), Column("计划总投资（亿元）", .amount), Column("入库日期", .date),
        Column("承接单位"), Column("招商人"), Column("包保领导"), Column("签约日期", .date), Column("合同投资额（亿元）", .amount),
        Column("开工日期", .date), Column("竣工日期", .date), Column("投产日期", .date),
    ]

    static func day(_ text: String) -> Cell {
        let date = CivilDate(text)!
        return .date(SheetDate(year: date.year, month: date.month, day: date.day)!)
    }

    /// Seed [002]: 伟德线路板, accepted 2022-03-01, signed 2022-04-28 for 3亿元, started 05-10, built
    /// 09-30, producing 2023-01-31; and a smaller park project signed in 2025 for 6000万元.
    static func rows(started: Cell = .empty, signed: String = "2025-08-15") -> [[Cell]] {
        [
            [
                .text("伟德线路板项目"), .text("湖北伟德线路板有限公司"), .text(Fixture.weideUSCC), .number(3), day("2022-03-01"),
                .text("东宝工业园"), .text("测试cadre 60%、测试bureau 40%"), .text("测试leader"), day("2022-04-28"), .number(3),
                day("2022-05-10"), day("2022-09-30"), day("2023-01-31"),
            ],
            [
                .text("华兴电子元件项目"), .text("荆门华兴电子有限公司"), .empty, .text("8000万"), .text("2025年6月1日"), .text("东宝工业园"),
                .text("测试park-host"), .empty, day(signed), .text("6000万"), started, .empty, .empty,
            ],
        ]
    }

    static func world(_ app: Application) async throws {
        _ = try await Fixture.cadre("park-host", unit: "东宝工业园", on: app.db)
        // a second person of the bureau, who verifies what the importer reported
        let bureau = try #require(try await Person.query(on: app.db).filter(\.$login == "bureau").first())
        let second = Person()
        (second.name, second.post, second.phone, second.login, second.passwordHash) = ("测试复核", "", "", "bureau2", bureau.passwordHash)
        second.$unit.id = bureau.$unit.id
        (second.roles, second.failedLogins, second.active, second.version) = ([.bureau], 0, true, 1)
        try await second.create(on: app.db)
    }

    @Test func seed002ComesInWithItsDatesAndCountsOnlyOnceVerified() async throws {
        try await withApp { app, _ in
            try await Self.world(app)
            let folder = ImportTests.scratch()
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = try LedgerImportTests.workbook(Self.columns, Self.rows(), in: folder)
            let dry = try await LedgerImportTests.run(app, ProjectImport(), file, login: "bureau", commit: false)
            #expect(dry.isClean && dry.rows.map(\.outcome) == [.create, .create])
            #expect(try await Project.query(on: app.db).count() == 0)
            let done = try await LedgerImportTests.run(app, ProjectImport(), file, login: "bureau", commit: true)
            #expect(done.committed && done.rows.map(\.outcome) == dry.rows.map(\.outcome))

            let weide = try #require(try await Project.query(on: app.db).filter(\.$title == "伟德线路板项目").first())
            #expect(weide.acceptedOn == "2022-03-01" && weide.stage == .producing && weide.verifiedStage == .negotiating)
            let leader = try await Fixture.id(of: "leader", on: app.db)
            #expect(weide.isMajor && weide.leaderID == leader)
            #expect(weide.signedOn == "2022-04-28" && weide.contract == Money(minorUnits: 30_000_000_000))
            // reported, not verified: no figure counts the signing yet
            #expect(weide.verifiedSignedOn == nil && weide.verifiedContractMinor == nil)
            let attractors = try await ProjectAttractor.query(on: app.db).filter(\.$projectID == weide.id!).all()
            #expect(Set(attractors.map(\.basisPoints)) == [6000, 4000])
            // the lead was brought by the first 招商人, on the day it was accepted
            let lead = try #require(try await Lead.find(weide.leadID, on: app.db))
            #expect(lead.status == .accepted && lead.submittedOn == "2022-03-01")
            // its clock met on that day: a history is never counted as a late answer
            #expect(lead.respondedOn == "2022-03-01" && lead.assessedOn == "2022-03-01" && lead.feedbackOn == "2022-03-01")
            #expect(lead.respondBy >= "2022-03-01" && lead.respondBy < "2022-04-01")
            let cadre = try await Fixture.id(of: "cadre", on: app.db)
            #expect(lead.submitterID == cadre)
            let reports = try await StageReport.query(on: app.db).filter(\.$projectID == weide.id!).sort(\.$sequence).all()
            #expect(reports.map(\.toStage) == [.signed, .started, .built, .producing])
            #expect(reports.map(\.occurredOn) == ["2022-04-28", "2022-05-10", "2022-09-30", "2023-01-31"])
            #expect(
                reports.allSatisfy { $0.verifiedBy == nil && BackFill.isBackFilled(happenedOn: $0.occurredOn, recordedOn: $0.reportedOn) })
            let actions = try await AuditRecord.query(on: app.db).filter(\.$actor == "bureau").all().map(\.action)
            #expect(actions.filter { $0 == "project.accept.backfill" }.count == 2 && actions.filter { $0 == "project.stage" }.count == 5)
            #expect(actions.contains("import.projects"))

            // the importer does not verify their own report; a second bureau person does
            let importer = try await APIClient.issue(app, login: "bureau")
            let own = try await importer.send(.POST, "/api/v1/projects/\(weide.id!)/stages/\(reports[0].id!)/verify")
            #expect(own.status != .ok)
            let second = try await APIClient.issue(app, login: "bureau2")
            var detail = try await second.send(.GET, "/api/v1/projects/\(weide.id!)")
            #expect(detail.json["daysToProduction"] == nil)
            for report in reports {
                #expect(try await second.send(.POST, "/api/v1/projects/\(weide.id!)/stages/\(report.id!)/verify").status == .ok)
            }
            detail = try await second.send(.GET, "/api/v1/projects/\(weide.id!)")
            #expect(detail.json["daysToProduction"] as? Int == 278)

            // the same ledger again changes nothing; next month's adds the park project's 开工
            let again = try await LedgerImportTests.run(app, ProjectImport(), file, login: "bureau", commit: true)
            #expect(again.committed && again.rows.map(\.outcome) == [.unchanged, .unchanged])
            // a title written with an invisible mark and a trailing space is the same project
            var marked = Self.rows()
            marked[0][0] = .text("伟德线路板\u{200B}项目 ")
            let same = try await LedgerImportTests.run(
                app, ProjectImport(), try LedgerImportTests.workbook(Self.columns, marked, in: folder), login: "bureau", commit: true)
            #expect(same.rows.map(\.outcome) == [.unchanged, .unchanged])
            let next = try LedgerImportTests.workbook(Self.columns, Self.rows(started: Self.day("2025-10-01")), in: folder)
            let update = try await LedgerImportTests.run(app, ProjectImport(), next, login: "bureau", commit: true)
            #expect(update.committed && update.rows.map(\.outcome) == [.unchanged, .update])
            let park = try #require(try await Project.query(on: app.db).filter(\.$title == "华兴电子元件项目").first())
            #expect(park.stage == .started && park.stageSince == "2025-10-01" && park.version == 2)
            // a ledger dating a recorded stage otherwise is told to correct it on the page
            let other = try LedgerImportTests.workbook(Self.columns, Self.rows(signed: "2025-08-16"), in: folder)
            let refused = try await LedgerImportTests.run(app, ProjectImport(), other, login: "bureau", commit: true)
            #expect(!refused.committed)
            #expect(
                refused.errors.map(\.message) == [
                    "第 3 行 I 列：项目已记录签约日期 2025-08-15，与表中 2025-08-16 不同：更正请在项目页办理并说明理由"
                ])
            let (projects, leads) = (try await Project.query(on: app.db).count(), try await Lead.query(on: app.db).count())
            #expect(projects == 2 && leads == 2)
        }
    }

    /// A date column kept as plain numbers: 20220428 is the day it spells; a number no day can be
    /// (1e300, once converted unchecked and so stopping the server) is an error at its place.
    @Test func aDateTypedAsANumberIsReadAndAnImpossibleOneIsRefused() async throws {
        try await withApp { app, _ in
            try await Self.world(app)
            let folder = ImportTests.scratch()
            defer { try? FileManager.default.removeItem(at: folder) }
            var columns = Self.columns
            columns[8] = Column("签约日期")
            var rows = Self.rows()
            rows[0][8] = .number(20_220_428)
            rows[1][8] = .number(1e300)
            let file = try LedgerImportTests.workbook(columns, rows, in: folder)
            let report = try await LedgerImportTests.run(app, ProjectImport(), file, login: "bureau", commit: true)
            #expect(!report.committed)
            #expect(report.errors.first?.message == "第 3 行 I 列：“1e+300”不是日期（应写作 2025-10-01 或 2025年10月1日）")
            #expect(!report.errors.contains { $0.message.hasPrefix("第 2 行") })
            #expect(try await Project.query(on: app.db).count() == 0)
        }
    }

    @Test func everyRowMeetsTheRulesOfTheFormsAndNothingIsHalfImported() async throws {
        try await withApp { app, _ in
            try await Self.world(app)
            let folder = ImportTests.scratch()
            defer { try? FileManager.default.removeItem(at: folder) }
            var rows = Self.rows()
            func row(_ title: String, _ enterprise: String, accepted: Cell, host: String, attractors: String, leader: String = "") -> [Cell]
            {
                [
                    .text(title), .text(enterprise), .empty, .text("5000万"), accepted, .text(host), .text(attractors),
                    leader.isEmpty ? .empty : .text(leader), .empty, .empty, .empty, .empty, .empty,
                ]
            }
            // production before the start; an even split guessed; a host nobody knows; this week's
            // project (the panel's); a major project without its 包保领导; the enterprise of row 3 again
            rows[0][12] = Self.day("2022-05-01")
            rows += [
                row("甲项目", "荆门甲公司", accepted: Self.day("2024-01-05"), host: "东宝工业园", attractors: "测试cadre、测试bureau"),
                row("乙项目", "荆门乙公司", accepted: Self.day("2024-01-05"), host: "火星园区", attractors: "测试cadre"),
                row("丙项目", "荆门丙公司", accepted: Self.day("2026-11-18"), host: "东宝工业园", attractors: "测试cadre"),
                [
                    .text("丁项目"), .text("荆门丁公司"), .empty, .text("1.5亿"), Self.day("2024-01-05"), .text("东宝工业园"), .text("测试cadre"),
                    .empty, .empty, .empty, .empty, .empty, .empty,
                ],
                row("华兴二期", "荆门华兴电子有限公司", accepted: Self.day("2024-01-05"), host: "东宝工业园", attractors: "测试cadre"),
            ]
            let file = try LedgerImportTests.workbook(Self.columns, rows, in: folder)
            let report = try await LedgerImportTests.run(app, ProjectImport(), file, login: "bureau", commit: true)
            #expect(!report.committed && report.count("新增") == 1)
            let messages = report.errors.map(\.message)
            #expect(
                messages == [
                    "第 2 行 M 列：日期不能早于上一阶段「竣工」的日期 2022-09-30。",
                    "第 4 行 G 列：多名招商人须写明每人分成，如“张三 60%、李四 40%”",
                    "第 5 行 F 列：辖区内没有名为“火星园区”的在册单位",
                    "第 6 行 E 列：入库日期在 7 天之内：新项目请提交线索，经预审专班评议后入库；台账只补录历史项目。",
                    "第 7 行 H 列：投资额 1亿元以上的重大项目须明确包保领导。",
                    "第 8 行 B 列：该企业已是在库项目“华兴电子元件项目”（签约，承接单位东宝工业园，2025-06-01 入库）。同一企业不重复计功：请删去此行，或在项目页办理",
                ])
            // all or nothing: not the good row either
            let (projects, leads) = (try await Project.query(on: app.db).count(), try await Lead.query(on: app.db).count())
            #expect(projects == 0 && leads == 0)
            #expect(try await StageReport.query(on: app.db).count() == 0)
        }
    }

    @Test func backFillingIsTheBureausAndWithinItsJurisdiction() async throws {
        try await withApp { app, _ in
            try await Self.world(app)
            let cadre = try await ImportTests.request(app, login: "cadre")
            #expect((try? ProjectImport().authorize(cadre)) == nil)
            #expect(!ImportKinds.allowed(cadre).contains { $0.name == "projects" })
            #expect(ImportKinds.allowed(try await ImportTests.request(app, login: "bureau")).contains { $0.name == "projects" })
            let folder = ImportTests.scratch()
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = try LedgerImportTests.workbook(Self.columns, Self.rows(), in: folder)
            // 安庆's bureau knows neither the park nor the people of 荆门
            let foreign = try await LedgerImportTests.run(app, ProjectImport(), file, login: "anqing-bureau", commit: true)
            #expect(!foreign.committed && foreign.errors.contains { $0.message == "第 2 行 F 列：辖区内没有名为“东宝工业园”的在册单位" })
            #expect(foreign.errors.contains { $0.message.hasPrefix("第 2 行 G 列：辖区内没有在职人员“测试cadre”") })
            #expect(try await Project.query(on: app.db).count() == 0)
        }
    }
}
