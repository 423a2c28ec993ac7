import Domain
import Fluent
import FluentSQL
import Foundation
import Spreadsheet
import Testing
import Vapor
import VaporTesting

@testable import App

/// 导出: every page of the filtered list, as the page's own query selects it, in a workbook a
/// spreadsheet opens (numbers as numbers in 万元, days as dates) or a CSV Chinese Excel opens; an
/// audited read; only for those the policy lets export, and only what they may read.
@Suite("导出 Excel 与 CSV：筛选结果全部导出、金额以万元计、审计与权限")
struct ExportTests {
    /// The body of a download, written where the reader can open it.
    static func workbook(_ response: TestingHTTPResponse) throws -> (rows: [SheetRow], info: [SheetRow]) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("zs-test-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(response.body.readableBytesView).write(to: file)
        let reader = try XLSXReader(url: file)
        return (try reader.rows(of: try reader.sheet(named: nil)).rows, try reader.rows(of: try reader.sheet(named: "说明")).rows)
    }

    @Test func theBureauExportsEveryFilteredLeadNotJustThePage() async throws {
        try await withApp(fixture: false) { app, _ in
            try await DemoCity(seed: 11, scale: .county, logger: app.logger).generate(app: app)
            app.isDemoData = try await DemoCity.isPresent(on: app.db)  // as `serve` finds it
            let bureau = Browser(app)
            try await bureau.login("demo-bureau", password: DemoCity.password)
            let all = try await Lead.query(on: app.db).all()
            let expected = all.filter { $0.industryCode.hasPrefix("C") }
            // more than a chunk of rows, so the export reads on past the first 500 (and the first page of 30)
            #expect(expected.count > ExportTable.chunkSize)
            let page = try await bureau.get("/leads?state=all&industry=C").body.string
            #expect(page.contains("format=xlsx") && page.contains("导出 Excel") && page.contains("导出 CSV"))

            let response = try await bureau.get("/leads?state=all&industry=C&format=xlsx")
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(response.headers.first(name: .contentDisposition)?.contains("filename*=UTF-8''%E7%BA%BF%E7%B4%A2") == true)
            let (rows, info) = try Self.workbook(response)
            #expect(rows[0][0] == .text("企业名称") && rows[0][3] == .text("意向投资（万元）"))
            #expect(rows.count - 1 == expected.count)
            // the amounts are numbers in 万元: their sum is the CNY leads' sum
            let cnyWan = expected.filter { $0.investmentCurrency == "CNY" }.reduce(Int64(0)) { $0 + $1.investmentMinor } / 1_000_000
            let written = rows.dropFirst().reduce(0.0) { sum, row in
                if case .number(let value, isDate: false) = row[3] { return sum + value }
                return sum
            }
            #expect(abs(written - Double(cnyWan)) < 1)
            // days are dates, every row is of the industry asked
            #expect(rows.dropFirst().allSatisfy { if case .number(_, isDate: true) = $0[8] { return true } else { return false } })
            #expect(rows.dropFirst().allSatisfy { if case .text(let t) = $0[2] { t.hasPrefix("C") } else { false } })
            // 说明: the title, the filter in words, the demo label
            let said = info.map { row in
                row.cells.sorted { $0.key < $1.key }.compactMap { if case .text(let t) = $0.value { t } else { nil } }.joined(
                    separator: " ")
            }
            #expect(said.first == "线索台账" && said.contains { $0.hasPrefix("筛选条件") && $0.contains("行业：C") })
            #expect(said.contains { $0.hasPrefix("演示数据") })
            // an audited read: who, which filter, how many rows
            let audit = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "export.leads").first())
            #expect(audit.actor == "demo-bureau" && audit.after.contains("\"行数\":\"\(expected.count)\""))
        }
    }

    @Test func csvOfTheProjectLedgerOpensInChineseExcelAndCountsTheSameProjects() async throws {
        try await withApp(fixture: false) { app, _ in
            try await DemoCity(seed: 11, scale: .county, logger: app.logger).generate(app: app)
            let bureau = Browser(app)
            try await bureau.login("demo-bureau", password: DemoCity.password)
            let response = try await bureau.get("/projects/ledger?format=csv")
            #expect(response.status == .ok && response.headers.contentType?.subType == "csv")
            let bytes = Data(response.body.readableBytesView)
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            let rows = try CSVReader.rows(bytes)
            // a caption line, the header, one line a project
            #expect(rows[1][0] == .text("项目名称") && rows[1][9] == .text("合同额·已核验（万元）"))
            let projects = try await Project.query(on: app.db).count()
            #expect(rows.count - 2 == projects)
            // the API answers the same file to Accept: text/csv
            let api = try await APIClient.issue(app, login: "demo-bureau")
            let viaAPI = try await api.send(.GET, "/api/v1/projects/ledger", headers: ["Accept": "text/csv"])
            let apiRows = try CSVReader.rows(Data(viaAPI.body.readableBytesView))
            #expect(viaAPI.status == .ok && apiRows.count == rows.count)
            // the accountability board: a line a unit, the rates as percentages a spreadsheet computes with
            let user = try await LeadListTests.user("demo-bureau", on: app.db)
            let lines = try await WorkOrderList.board(user, today: app.clock.today, on: app.db)
            let (board, _) = try Self.workbook(try await bureau.get("/work-orders/board?format=xlsx"))
            #expect(lines.count > 3 && board.count - 1 == lines.count)
            #expect(board[1][0] == .text(lines[0].unitName) && board[1][2] == .number(Double(lines[0].line.overdue), isDate: false))
            // a cadre's own to-dos, soonest first
            let cadre = Browser(app)
            try await cadre.login("demo-cadre", password: DemoCity.password)
            let mine = try await ActivityList.todos(of: try await LeadListTests.user("demo-cadre", on: app.db).personID, on: app.db)
            let todos = try CSVReader.rows(Data(try await cadre.get("/todos?format=csv").body.readableBytesView))
            #expect(!mine.isEmpty && todos.count - 2 == mine.count && todos[2][1] == .text(mine[0].nextStep))
            let rated = try #require(lines.firstIndex { $0.line.satisfactionPermille != nil })
            #expect(board[rated + 1][7] == .number(Double(lines[rated].line.satisfactionPermille!) / 1000, isDate: false))
        }
    }

    @Test func eachExportsOnlyWhatTheyMayReadAndOnlyIfTheyMayExport() async throws {
        try await withApp { app, _ in
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await cadre.get("/leads/new")
            #expect(try await cadre.post("/leads", LeadTests.weide).status == .seeOther)
            // a lead of another unit's cadre
            try await Fixture.cadre("park-cadre", unit: "掇刀高新区招商科", on: app.db)
            let parkCadre = Browser(app)
            try await parkCadre.login("park-cadre")
            _ = try await parkCadre.get("/leads/new")
            let other = LeadTests.weide.map { $0.0 == "enterpriseName" ? ($0.0, "荆门精密模具有限公司") : $0 }
            #expect(try await parkCadre.post("/leads", other).status == .seeOther)
            let bureau = Browser(app)
            try await bureau.login("bureau")
            // a cadre exports the own unit's leads only, and no projects
            let mine = try await cadre.get("/leads?state=all&format=csv")
            #expect(mine.status == .ok)
            let names = try CSVReader.rows(Data(mine.body.readableBytesView)).dropFirst(2).map { $0[0] }
            #expect(names == [.text("湖北伟德线路板有限公司")])
            #expect(try await cadre.get("/projects/ledger?format=xlsx").status == .forbidden)
            // the bureau both
            let both = try CSVReader.rows(Data(try await bureau.get("/leads?state=all&format=csv").body.readableBytesView))
            #expect(both.count == 4)
            // the outside reads no list, exports none; an unknown format is a 400 naming it
            let observer = Browser(app)
            try await observer.login("observer")
            #expect(try await observer.get("/leads?format=xlsx").status == .forbidden)
            let wrong = try await bureau.get("/leads?format=pdf")
            #expect(wrong.status == .badRequest && wrong.body.string.contains("format"))
            // another city's bureau exports an empty list of its own, never Jingmen's
            let anqing = Browser(app)
            try await anqing.login("anqing-bureau")
            let theirs = try CSVReader.rows(Data(try await anqing.get("/leads?state=all&format=csv").body.readableBytesView))
            #expect(theirs.count == 2)
        }
    }
}
