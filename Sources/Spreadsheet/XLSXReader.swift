import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A value as the file holds it; what it means is the importer's to decide by the column.
public enum CellValue: Equatable, Sendable {
    case empty
    case text(String)
    /// A number and whether the cell's number format shows it as a date.
    case number(Double, isDate: Bool)
    case bool(Bool)
    /// An error value such as #DIV/0!.
    case error(String)
}

extension CellValue {
    /// The value as a person reads it in the cell: a date cell as 2025-10-01, a whole number
    /// without ".0", a boolean as 是/否, an error as its code; "" for an empty cell.
    public func text(date1904: Bool = false) -> String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .number(let value, isDate: true): ExcelDate.day(fromSerial: value, date1904: date1904)?.description ?? String(value)
        case .number(let value, _): value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .bool(let value): value ? "是" : "否"
        case .error(let code): code
        }
    }
}

/// One row of a sheet: its number as Excel shows it (1-based), its cells by 0-based column.
public struct SheetRow: Sendable, Equatable {
    public var number: Int
    public var cells: [Int: CellValue]
    public var hidden: Bool

    public init(number: Int, cells: [Int: CellValue], hidden: Bool = false) {
        self.number = number
        self.cells = cells
        self.hidden = hidden
    }

    public subscript(column: Int) -> CellValue { cells[column] ?? .empty }
    public var isBlank: Bool {
        cells.values.allSatisfy {
            if case .text(let t) = $0 { return t.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            return $0 == .empty
        }
    }
}

/// A cell range merged into one, 0-based columns and 1-based rows.
public struct MergedRange: Sendable, Equatable {
    public var firstColumn: Int, firstRow: Int, lastColumn: Int, lastRow: Int
}

/// Reads an .xlsx workbook (any writer's: Excel, WPS, LibreOffice, openpyxl): its sheets, shared
/// and inline strings, number formats (to tell dates), the 1904 flag, formulas by their cached
/// values, hidden rows and merged cells. Each part is checked before it is inflated (size and
/// compression ratio) and counted while it is, so a zip bomb stops at the limit.
public final class XLSXReader {
    public struct Limits: Sendable {
        /// The most any one part may inflate to.
        public var partBytes: Int
        /// The most a part may inflate per byte stored (above 1 MB).
        public var ratio: Int
        public var rows: Int

        public init(partBytes: Int = 256 << 20, ratio: Int = 200, rows: Int = 200_000) {
            (self.partBytes, self.ratio, self.rows) = (partBytes, ratio, rows)
        }
    }

    public struct SheetInfo: Sendable, Equatable {
        public var name: String
        public var hidden: Bool
        var path: String
    }

    public let sheets: [SheetInfo]
    public let date1904: Bool
    let archive: Archive
    let limits: Limits
    private var sharedStrings: [String]?
    private var dateStyles: Set<Int>?

    public init(url: URL, limits: Limits = Limits()) throws {
        self.limits = limits
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw SpreadsheetError.corrupt("不是有效的 zip 包")
        }
        let workbook = try Self.part("xl/workbook.xml", of: archive, limits: limits)
        let relations = try Self.part("xl/_rels/workbook.xml.rels", of: archive, limits: limits)
        let book = try WorkbookParser.parse(workbook: workbook, relationships: relations)
        sheets = book.sheets
        date1904 = book.date1904
        guard !sheets.isEmpty else { throw SpreadsheetError.corrupt("工作簿中没有工作表") }
    }

    /// The sheet by name, or the first visible one.
    public func sheet(named name: String?) throws -> SheetInfo {
        if let name, !name.isEmpty {
            guard let found = sheets.first(where: { $0.name == name }) else { throw SpreadsheetError.noSuchSheet(name) }
            return found
        }
        return sheets.first { !$0.hidden } ?? sheets[0]
    }

    /// Every row of the sheet that has a cell, in order, and the sheet's merged ranges (known once
    /// the rows are read).
    public func rows(of sheet: SheetInfo) throws -> (rows: [SheetRow], merged: [MergedRange]) {
        var rows: [SheetRow] = []
        let merged = try forEachRow(of: sheet) { rows.append($0) }
        return (rows, merged)
    }

    /// Calls `body` with each row as it is parsed; returns the merged ranges.
    @discardableResult
    public func forEachRow(of sheet: SheetInfo, _ body: (SheetRow) throws -> Void) throws -> [MergedRange] {
        let strings = try loadSharedStrings()
        let dates = try loadDateStyles()
        let data = try Self.part(sheet.path, of: archive, limits: limits)
        return try withoutActuallyEscaping(body) { body in
            let parser = SheetParser(strings: strings, dateStyles: dates, rowLimit: limits.rows, body: body)
            try parser.parse(data)
            return parser.merged
        }
    }

    private func loadSharedStrings() throws -> [String] {
        if let sharedStrings { return sharedStrings }
        let strings =
            try archive["xl/sharedStrings.xml"].map { _ in
                try SharedStringsParser.parse(try Self.part("xl/sharedStrings.xml", of: archive, limits: limits))
            } ?? []
        sharedStrings = strings
        return strings
    }

    private func loadDateStyles() throws -> Set<Int> {
        if let dateStyles { return dateStyles }
        let styles =
            try archive["xl/styles.xml"].map { _ in
                try StylesParser.dateStyles(try Self.part("xl/styles.xml", of: archive, limits: limits))
            } ?? []
        dateStyles = styles
        return styles
    }

    /// A part inflated, within the limits.
    static func part(_ path: String, of archive: Archive, limits: Limits) throws -> Data {
        guard let entry = archive[path] ?? archive[path.replacingOccurrences(of: "xl/", with: "/xl/")] else {
            throw SpreadsheetError.corrupt("缺少 \(path)")
        }
        let declared = Int(clamping: entry.uncompressedSize)
        let stored = max(Int(clamping: entry.compressedSize), 1)
        if declared > limits.partBytes { throw SpreadsheetError.tooLarge(limitMB: limits.partBytes >> 20) }
        if declared > 1 << 20, declared / stored > limits.ratio { throw SpreadsheetError.compressionRatio(part: path) }
        var data = Data()
        data.reserveCapacity(min(declared, limits.partBytes))
        do {
            _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                data.append(chunk)
                // a header that lies about the size is stopped by counting
                if data.count > limits.partBytes || data.count > max(declared, 1) * 2 + 1024 {
                    throw SpreadsheetError.tooLarge(limitMB: limits.partBytes >> 20)
                }
            }
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError.corrupt(path)
        }
        return data
    }
}
