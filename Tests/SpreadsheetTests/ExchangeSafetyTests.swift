import Foundation
import Testing
import ZIPFoundation

@testable import Spreadsheet

/// CSV both ways, the encodings Chinese Windows writes, and files that must be refused clearly:
/// encrypted, old .xls, a renamed .doc, a zip bomb.
@Suite("CSV 与文件安全：编码识别、公式注入、加密与压缩炸弹")
struct ExchangeSafetyTests {
    @Test func aGBKFileFromChineseWindowsReadsAsItsText() throws {
        let data = try Data(contentsOf: WorkbookTests.fixtures.appendingPathComponent("gbk-enterprises.csv"))
        #expect(String(data: data, encoding: .utf8) == nil)  // not UTF-8: it must be detected, not guessed
        let rows = try CSVReader.rows(data)
        #expect(rows.count == 3)
        #expect(rows[0][0] == .text("企业名称") && rows[0][2] == .text("注册资本（万元）"))
        #expect(rows[1][2] == .text("1,273.75") && rows[1][3] == .text("2022年3月15日"))
        // doubled quotes and a line break inside one field: one record, Excel's row 3
        #expect(rows[2].number == 3 && rows[2][0] == .text("湖北\"伟德\"线路板\r\n有限公司") && rows[2][1] == .empty)
    }

    @Test func utf8WithOrWithoutBOMAndExcelsTabSeparatedUnicodeText() throws {
        let plain = Data("名称,金额\n荆门,29.14亿\n".utf8)
        let bom = Data([0xEF, 0xBB, 0xBF]) + plain
        #expect(try CSVReader.rows(plain) == CSVReader.rows(bom))
        #expect(try CSVReader.rows(bom)[1][1] == .text("29.14亿"))
        var utf16 = Data([0xFF, 0xFE])
        for unit in "名称\t金额\r\n荆门\t4,389万元\r\n".utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let rows = try CSVReader.rows(utf16)
        #expect(rows.count == 2 && rows[1][1] == .text("4,389万元"))
        #expect(throws: SpreadsheetError.unreadableText) { try CSVReader.rows(Data([0x81, 0x20, 0xFF, 0xFF])) }
    }

    @Test func csvIsFormulaSafeAndOpensInChineseExcel() throws {
        #expect(CSVWriter.field("=1+2") == "\"'=1+2\"" && CSVWriter.field("@SUM(A1)") == "\"'@SUM(A1)\"")
        #expect(CSVWriter.field("-2+3") == "\"'-2+3\"" && CSVWriter.field("+86 0724") == "\"'+86 0724\"")
        #expect(CSVWriter.field("荆门, 湖北") == "\"荆门, 湖北\"" && CSVWriter.field("说\"明\"") == "\"说\"\"明\"\"\"")
        #expect(CSVWriter.field("荆门演示线路板有限公司") == "荆门演示线路板有限公司")
        // a login or a note that begins with a tab or a line break is defused, and a line break
        // inside is quoted — "\r\n" too, which is one Character equal to neither (found by hostile
        // logins in the audit log, whose export now goes this way)
        #expect(CSVWriter.field("\tdemo") == "\"'\tdemo\"" && CSVWriter.field("\r=cmd") == "\"'\r=cmd\"")
        #expect(CSVWriter.field("\r\n=cmd") == "\"'\r\n=cmd\"")
        #expect(CSVWriter.field("第一行\r\n第二行") == "\"第一行\r\n第二行\"")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zs-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try CSVWriter(
            columns: [Column("企业"), Column("注册资本（万元）", .amount), Column("成立日期", .date), Column("占比", .percent)], at: url)
        try writer.append([
            .text("=cmd|' /C calc'!A0"), .wan(minorUnits: 127_375_000), .date(SheetDate(year: 2025, month: 10, day: 1)!), .number(0.338),
        ])
        try writer.finish()
        let bytes = try Data(contentsOf: url)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "企业,注册资本（万元）,成立日期,占比\r\n\"'=cmd|' /C calc'!A0\",127.38,2025-10-01,33.8%\r\n")
        // what was written reads back
        let back = try CSVReader.rows(bytes)
        #expect(back[1][0] == .text("'=cmd|' /C calc'!A0") && back[1][1] == .text("127.38"))
    }

    @Test func filesAreKnownByTheirBytesNotTheirNames() {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 120)
        func named(_ name: String) -> [UInt8] { ole + name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        #expect(FileKind.sniff([0x50, 0x4B, 0x03, 0x04, 0x14]) == .xlsx)
        #expect(FileKind.sniff(named("EncryptedPackage")) == .encrypted)
        #expect(FileKind.sniff(named("Workbook")) == .legacyExcel)
        #expect(FileKind.sniff(named("WordDocument")) == .otherOffice)
        #expect(FileKind.sniff(Array("企业名称,信用代码\n".utf8)) == .text)
        #expect(FileKind.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]) == .binary)
        #expect(SpreadsheetError.encrypted.message == "该文件已加密，请另存为未加密的 .xlsx 后再导入")
    }

    /// A part that inflates a thousandfold is refused before it is inflated; one whose header lies
    /// about its size is stopped by counting.
    @Test func aZipBombIsRefusedAndNothingIsInflatedPastTheLimit() throws {
        let folder = WorkbookTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("bomb.xlsx")
        let archive = try Archive(url: file, accessMode: .create)
        let spaces = Data(repeating: 0x20, count: 24 << 20)
        try archive.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(spaces.count), compressionMethod: .deflate) {
            position, size in spaces.subdata(in: Int(position)..<min(Int(position) + size, spaces.count))
        }
        #expect(throws: SpreadsheetError.compressionRatio(part: "xl/workbook.xml")) { try XLSXReader(url: file) }
        #expect(throws: SpreadsheetError.tooLarge(limitMB: 8)) {
            try XLSXReader(url: file, limits: .init(partBytes: 8 << 20, ratio: 1_000_000))
        }
        let notZip = folder.appendingPathComponent("renamed.xlsx")
        try Data("不是表格".utf8).write(to: notZip)
        #expect(throws: SpreadsheetError.self) { try XLSXReader(url: notZip) }
    }

    @Test func aSheetBeyondTheRowLimitIsRefused() throws {
        let folder = WorkbookTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = try XLSXWriter(columns: [Column("序号", .integer)], sheetName: "长表", directory: folder)
        for n in 1...30 { try writer.append([.number(Double(n))]) }
        let file = folder.appendingPathComponent("long.xlsx")
        try writer.finish(info: ExportInfo(title: "长表", lines: []), at: file)
        let reader = try XLSXReader(url: file, limits: .init(rows: 20))
        var seen = 0
        #expect(throws: SpreadsheetError.tooManyRows(limit: 20)) {
            try reader.forEachRow(of: try reader.sheet(named: nil)) { _ in seen += 1 }
        }
        #expect(seen == 20)
        #expect(throws: SpreadsheetError.tooManyRows(limit: 10)) {
            try CSVReader.rows(Data(String(repeating: "1\n", count: 30).utf8), rowLimit: 10)
        }
    }

    /// Cells a crafted file may hold that Excel never writes: a column past XFD (its letters once
    /// overflowed the reader and stopped the server), a merged range given corner-last, a row
    /// numbered below 1, and numbers no day can be.
    @Test func aCraftedSheetIsReadWithoutStoppingTheReader() throws {
        let folder = WorkbookTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("crafted.xlsx")
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let far = String(repeating: "A", count: 40)
        let parts = [
            "xl/workbook.xml":
                "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"台账\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels":
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
            "xl/styles.xml": "<styleSheet xmlns=\"\(main)\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>",
            "xl/worksheets/sheet1.xml":
                "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>企业名称</t></is></c>"
                + "<c r=\"\(far)1\" t=\"inlineStr\"><is><t>越界</t></is></c><c r=\"XFE1\"><v>1</v></c></row>"
                + "<row r=\"-3\"><c r=\"A2\" s=\"1\"><v>-1e300</v></c><c r=\"B2\" s=\"1\"><v>nan</v></c></row></sheetData>"
                + "<mergeCells><mergeCell ref=\"B5:A1\"/><mergeCell ref=\"A1:\(far)9\"/></mergeCells></worksheet>",
        ]
        try WorkbookTests.zip(parts, to: file)
        let reader = try XLSXReader(url: file)
        let (rows, merged) = try reader.rows(of: try reader.sheet(named: "台账"))
        // the far cells have no reference, so they count on from the cell before them
        #expect(rows.map(\.number) == [1, 2])
        #expect(rows[0][0] == .text("企业名称") && rows[0][1] == .text("越界") && rows[0][2] == .number(1, isDate: false))
        #expect(merged == [MergedRange(firstColumn: 0, firstRow: 1, lastColumn: 1, lastRow: 5)])
        #expect(rows[1][0].text(date1904: false) == "-1e+300" && rows[1][1].text(date1904: false) == "nan")
        #expect(CellReference.parse("XFD1048576")! == (16_383, 1_048_576))
        #expect(CellReference.parse("XFE1") == nil && CellReference.parse("A1048577") == nil && CellReference.parse("\(far)1") == nil)
        #expect(ExcelDate.day(fromSerial: -1e300) == nil && ExcelDate.day(fromSerial: .nan) == nil)
    }
}
