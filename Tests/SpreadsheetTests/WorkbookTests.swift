import Foundation
import Testing
import ZIPFoundation

@testable import Spreadsheet

/// The workbook writer and reader: what one writes the other reads back as the same numbers, days
/// and text; and a workbook written by another library (openpyxl) reads as its author meant.
@Suite("xlsx 读写：往返、他人写的工作簿、共享与内联字符串")
struct WorkbookTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("zs-sheet-\(UUID().uuidString)")
    }

    /// A workbook's parts as another program (or an attacker) would write them, zipped as given.
    static func zip(_ parts: [String: String], to file: URL) throws {
        let archive = try Archive(url: file, accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                position, size in data.subdata(in: Int(position)..<min(Int(position) + size, data.count))
            }
        }
    }

    @Test func whatTheWriterWritesTheReaderReadsBack() throws {
        let folder = Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let columns = [
            Column("项目名称"), Column("合同投资额（万元）", .amount), Column("签约日期", .date), Column("到位率", .percent),
            Column("走访企业（家）", .integer),
        ]
        let writer = try XLSXWriter(columns: columns, sheetName: "项目台账[2025]", directory: folder)
        let signed = try #require(SheetDate(year: 2025, month: 10, day: 1))
        // 铜仁驻深工作队: 22 个项目，合同投资额 29.14亿元，到位资金 4.389亿元，走访企业 346 家
        try writer.append([
            .text("铜仁驻深工作队引进项目 <22个> & 商协会"), .wan(minorUnits: 291_400_000_000), .date(signed), .number(0.1506), .number(346),
        ])
        try writer.append([.text("  =HYPERLINK(\"x\")"), .wan(minorUnits: 438_900_000_00), .empty, .empty, .number(40)])
        try writer.append([.text("控制字符\u{1}已去除")])
        let file = folder.appendingPathComponent("out.xlsx")
        try writer.finish(info: ExportInfo(title: "项目台账", lines: [("导出时间", "2026-11-28 09:30"), ("筛选", "全部")]), at: file)

        let reader = try XLSXReader(url: file)
        #expect(reader.sheets.map(\.name) == ["项目台账2025", "说明"])
        let (rows, _) = try reader.rows(of: try reader.sheet(named: nil))
        #expect(rows.map(\.number) == [1, 2, 3, 4])
        #expect(rows[0].cells.count == 5 && rows[0][1] == .text("合同投资额（万元）"))
        #expect(rows[1][0] == .text("铜仁驻深工作队引进项目 <22个> & 商协会"))
        #expect(rows[1][1] == .number(291_400, isDate: false))
        #expect(rows[1][2] == .number(45931, isDate: true))
        #expect(rows[1][3] == .number(0.1506, isDate: false) && rows[1][4] == .number(346, isDate: false))
        #expect(rows[2][0] == .text("  =HYPERLINK(\"x\")") && rows[2][1] == .number(43_890, isDate: false))
        #expect(rows[2][2] == .empty && rows[3][0] == .text("控制字符已去除"))
        let info = try reader.rows(of: try reader.sheet(named: "说明")).rows
        #expect(info[0][0] == .text("项目台账") && info[1][1] == .text("2026-11-28 09:30"))
        // the parts Excel needs to open it without a repair prompt
        let archive = try Archive(url: file, accessMode: .read)
        let sheet = String(decoding: try XLSXReader.part("xl/worksheets/sheet1.xml", of: archive, limits: .init()), as: UTF8.self)
        #expect(sheet.contains(#"state="frozen""#) && sheet.contains(#"<autoFilter ref="A1:E4"/>"#))
        let workbook = String(decoding: try XLSXReader.part("xl/workbook.xml", of: archive, limits: .init()), as: UTF8.self)
        #expect(workbook.contains("_xlnm._FilterDatabase") && workbook.contains("'项目台账2025'!$A$1:$E$4"))
    }

    @Test func aWorkbookWrittenByOpenpyxlReadsAsItsAuthorMeant() throws {
        let reader = try XLSXReader(url: Self.fixtures.appendingPathComponent("openpyxl-ledger.xlsx"))
        #expect(reader.sheets.map(\.name) == ["签约项目台账", "说明"] && reader.sheets[1].hidden && !reader.date1904)
        let (rows, merged) = try reader.rows(of: try reader.sheet(named: nil))
        #expect(merged == [MergedRange(firstColumn: 0, firstRow: 1, lastColumn: 4, lastRow: 1)])
        #expect(rows[0][0] == .text("铜仁市驻深招商工作队引进项目台账"))
        #expect(rows[1][2] == .text("合同投资额（亿元）"))
        let first = rows[2]
        #expect(first[2] == .number(29.14, isDate: false))
        // yyyy"年"m"月"d"日" is a date format, told by the cell's style, not by a guess
        guard case .number(let serial, isDate: true) = first[3] else {
            Issue.record("签约日期 should read as a date: \(first[3])")
            return
        }
        #expect(ExcelDate.day(fromSerial: serial) == SheetDate(year: 2025, month: 10, day: 1))
        #expect(first[4] == .text("  走访企业346家  "))
        // the hidden row is marked, its values intact
        #expect(rows[3].hidden && rows[3][2] == .number(4.389, isDate: false))
        // openpyxl took "=SUM 不是公式" for a formula and stored no cached value: read as empty, never as its text
        #expect(rows[3][4] == .empty)
        #expect(rows[4][2] == .text("1.5") && !rows[4].hidden)
    }

    /// A workbook as Excel itself writes it: shared strings with rich runs and phonetic guides,
    /// formulas with cached values, an error, a boolean, prefixed element names and 1904 dates.
    @Test func sharedStringsFormulasAndThe1904FlagAreRead() throws {
        let folder = Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("excel.xlsx")
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let parts = [
            "xl/workbook.xml":
                "<x:workbook xmlns:x=\"\(main)\" xmlns:r=\"\(rel)\"><x:workbookPr date1904=\"1\"/><x:sheets><x:sheet name=\"台账\" sheetId=\"1\" r:id=\"rId7\"/></x:sheets></x:workbook>",
            "xl/_rels/workbook.xml.rels":
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId7\" Type=\"\(rel)/worksheet\" Target=\"/xl/worksheets/data.xml\"/></Relationships>",
            "xl/sharedStrings.xml":
                "<sst xmlns=\"\(main)\"><si><t>企业名称</t></si><si><r><t>荆门</t></r><r><rPr><b/></rPr><t>演示</t></r><rPh><t>ジンメン</t></rPh></si></sst>",
            "xl/styles.xml":
                "<styleSheet xmlns=\"\(main)\"><numFmts><numFmt numFmtId=\"180\" formatCode=\"[$-804]yyyy&quot;年&quot;m&quot;月&quot;\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"180\"/><xf numFmtId=\"14\"/><xf numFmtId=\"4\"/></cellXfs></styleSheet>",
            "xl/worksheets/data.xml":
                "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"C2\" t=\"s\"><v>1</v></c></row>"
                + "<row r=\"5\" hidden=\"1\"><c r=\"A5\" s=\"3\"><f>SUM(B1:B3)</f><v>4389</v></c><c t=\"str\"><f>A1&amp;\"x\"</f><v>29.14亿</v></c>"
                + "<c r=\"C5\" t=\"e\"><v>#DIV/0!</v></c><c r=\"D5\" t=\"b\"><v>1</v></c><c r=\"E5\" s=\"1\"><v>44469</v></c><c r=\"F5\" s=\"2\"><v>0</v></c></row>"
                + "<row><c r=\"AA6\"><v> 12 </v></c></row></sheetData><mergeCells><mergeCell ref=\"A2:B3\"/></mergeCells></worksheet>",
        ]
        try Self.zip(parts, to: file)
        let reader = try XLSXReader(url: file)
        #expect(reader.date1904 && reader.sheets.map(\.name) == ["台账"])
        let (rows, merged) = try reader.rows(of: try reader.sheet(named: "台账"))
        #expect(rows.map(\.number) == [2, 5, 6])
        #expect(rows[0][0] == .text("企业名称") && rows[0][2] == .text("荆门演示"))
        let formulas = rows[1]
        #expect(formulas.hidden && formulas[0] == .number(4389, isDate: false) && formulas[1] == .text("29.14亿"))
        #expect(formulas[2] == .error("#DIV/0!") && formulas[3] == .bool(true))
        #expect(formulas[4] == .number(44469, isDate: true) && formulas[5] == .number(0, isDate: true))
        #expect(rows[2][26] == .number(12, isDate: false))
        #expect(merged == [MergedRange(firstColumn: 0, firstRow: 2, lastColumn: 1, lastRow: 3)])
        #expect(throws: SpreadsheetError.noSuchSheet("Sheet1")) { try reader.sheet(named: "Sheet1") }
    }

    @Test func columnsAreNamedAsExcelNamesThem() {
        #expect([0, 25, 26, 51, 701, 702].map(CellReference.column) == ["A", "Z", "AA", "AZ", "ZZ", "AAA"])
        #expect(CellReference.parse("AB12")! == (27, 12) && CellReference.parse("a1")! == (0, 1))
        #expect(CellReference.parse("12") == nil && CellReference.parse("B") == nil)
    }

    @Test func dateFormatsAreToldFromNumberFormats() {
        for code in ["yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy/m/d", "m/d/yy", "yyyy-mm-dd hh:mm", "[h]:mm", "d-mmm-yy"] {
            #expect(NumberFormat.isDate(code: code), "\(code)")
        }
        for code in ["General", "#,##0.00", "0.0%", "#,##0.00\"万元\"", "0.00E+00", "@", "[Red]#,##0;[Blue]-#,##0", "\"天数\"0"] {
            #expect(!NumberFormat.isDate(code: code), "\(code)")
        }
        #expect(NumberFormat.isDate(id: 14, code: nil) && NumberFormat.isDate(id: 57, code: nil) && !NumberFormat.isDate(id: 4, code: nil))
    }
}

@Suite("xlsx 读写：大工作表")
struct LargeSheetTests {
    /// A sheet part over libxml2's 10 MB look-ahead is read all the same (the parser is fed in
    /// chunks): 60,000 rows of a registry, about 12 MB of XML.
    @Test func aSheetOfSixtyThousandRowsIsReadWhole() throws {
        let folder = WorkbookTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = try XLSXWriter(
            columns: [Column("序号", .integer), Column("企业名称"), Column("统一社会信用代码"), Column("注册资本（万元）", .amount)],
            sheetName: "企业库", directory: folder)
        for n in 1...60_000 {
            try writer.append([.number(Double(n)), .text("荆门演示第\(n)号线路板有限公司"), .text("91420800MA4K\(n)"), .number(Double(n) / 4)])
        }
        let file = folder.appendingPathComponent("large.xlsx")
        try writer.finish(info: ExportInfo(title: "企业库", lines: []), at: file)
        let reader = try XLSXReader(url: file)
        var count = 0
        var last: SheetRow?
        try reader.forEachRow(of: try reader.sheet(named: nil)) { row in
            count += 1
            last = row
        }
        #expect(count == 60_001 && last?[1] == .text("荆门演示第60000号线路板有限公司") && last?[3] == .number(15_000, isDate: false))
    }
}
