import Domain
import Fluent
import Foundation
import Spreadsheet
import Testing
import Vapor

@testable import App

/// 目标任务导入: the bureau's task sheet comes in through the import engine and the sheet's own
/// checks — all or nothing, each unit's year set as the page sets it, the same sheet again
/// changing nothing, and a cadre not offered the kind at all.
@Suite("目标任务导入：与页面下达同一规则，全部成功或一条不写")
struct TargetImportTests {
    @Test func theTaskSheetSetsEachUnitsYearThroughTheSheetsChecks() async throws {
        try await withApp { app, _ in
            let folder = ImportTests.scratch()
            defer { try? FileManager.default.removeItem(at: folder) }
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$name == "荆门市招商局").first()?.id)
            let park = try await Fixture.unit("东宝工业园", .park, Fixture.dongbao, on: app.db)
            let columns = [
                Column("单位名称"), Column("年度"), Column("合同投资额（亿元）", .amount), Column("签约项目数"),
                Column("实际利用外资（万美元）", .amount), Column("下达依据"),
            ]
            // [000]: the 2.5亿元 task; [003]: 310万美元 of foreign capital
            let good: [[Cell]] = [
                [.text("荆门市招商局"), .text("2026年"), .number(2.5), .number(3), .number(310), .text("市招商〔2026〕1号")],
                [.text("东宝工业园"), .number(2026), .text("8000万"), .number(1), .empty, .empty],
            ]
            let bad =
                good + [
                    [.text("火星局"), .number(2026), .number(1), .number(1), .empty, .empty],
                    [.text("荆门市招商局"), .number(2026), .text("1.5亿日元"), .number(-2), .empty, .empty],
                ]
            let refused = try await LedgerImportTests.run(
                app, TargetImport(), try LedgerImportTests.workbook(columns, bad, in: folder), login: "bureau", commit: true)
            #expect(!refused.committed)
            let messages = refused.errors.map(\.message)
            #expect(messages.contains("第 4 行 A 列：辖区内没有名为“火星局”的考核单位"))
            #expect(messages.contains { $0.hasPrefix("第 5 行 C 列：合同投资额以人民币计") })
            #expect(messages.contains("第 5 行 D 列：“-2”不是不小于 0 的整数"))
            // all or nothing: the good rows are not written either
            #expect(try await TargetService.sheets(year: 2026, units: [unit, park], on: app.db).isEmpty)

            let file = try LedgerImportTests.workbook(columns, good, in: folder)
            let done = try await LedgerImportTests.run(app, TargetImport(), file, login: "bureau", commit: true)
            #expect(done.committed && done.rows.map(\.outcome) == [.create, .create])
            let sheets = try await TargetService.sheets(year: 2026, units: [unit, park], on: app.db)
            #expect(sheets[unit]?.sheet.year == [.contractInvestment: 25_000_000_000, .projectsSigned: 3, .fundsForeign: 310 * 1_000_000])
            #expect(sheets[unit]?.note == "市招商〔2026〕1号" && sheets[park]?.sheet.year[.contractInvestment] == 8_000 * 1_000_000)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "targets.set").count() == 2)
            let again = try await LedgerImportTests.run(app, TargetImport(), file, login: "bureau", commit: true)
            #expect(again.rows.map(\.outcome) == [.unchanged, .unchanged])

            // a later sheet raises one figure and keeps the quarters set on the page
            let api = try await APIClient.issue(app, login: "bureau")
            let split = try await api.send(
                .PUT, "/api/v1/units/\(unit)/targets",
                json:
                    #"{"year":2026,"version":1,"targets":{"contractInvestment":25000000000,"projectsSigned":3,"fundsForeign":310000000},"quarters":{"contractInvestment":[5000000000,5000000000,5000000000,10000000000]}}"#
            )
            #expect(split.status == .ok)
            let raised: [[Cell]] = [[.text("荆门市招商局"), .number(2026), .empty, .number(4), .empty, .empty]]
            let update = try await LedgerImportTests.run(
                app, TargetImport(), try LedgerImportTests.workbook(columns, raised, in: folder), login: "bureau", commit: true)
            #expect(update.rows.map(\.outcome) == [.update])
            let after = try #require(try await TargetService.sheets(year: 2026, units: [unit], on: app.db)[unit])
            #expect(after.version == 3 && after.sheet.year[.projectsSigned] == 4 && after.sheet.quarters[.contractInvestment]?.count == 4)
            // a figure below its quarters is refused by the sheet's own rule
            let below: [[Cell]] = [[.text("荆门市招商局"), .number(2026), .number(1), .empty, .empty, .empty]]
            let refusedBelow = try await LedgerImportTests.run(
                app, TargetImport(), try LedgerImportTests.workbook(columns, below, in: folder), login: "bureau", commit: true)
            #expect(refusedBelow.errors.first?.message.contains("超过全年目标") == true)

            // a cadre is not offered the kind; another city's bureau finds none of these units
            let cadre = try await ImportTests.request(app, login: "cadre")
            #expect(!ImportKinds.allowed(cadre).contains { $0.name == "targets" })
            let bureau = try await ImportTests.request(app, login: "bureau")
            #expect(ImportKinds.allowed(bureau).contains { $0.name == "targets" })
            let foreign = try await LedgerImportTests.run(app, TargetImport(), file, login: "anqing-bureau", commit: false)
            #expect(foreign.errors.count == 2 && foreign.errors.allSatisfy { $0.message.contains("辖区内没有名为") })
        }
    }
}
