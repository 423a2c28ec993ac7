import Domain
import Foundation
import Spreadsheet

/// An uploaded ledger as rows: an .xlsx (the sheet asked for, or the first visible one) or a CSV in
/// any encoding Chinese Windows writes; what the bytes are is told by the bytes, and a file that is
/// encrypted, an old .xls, a renamed .doc or a zip bomb is refused with words that say what to do.
struct ImportSource: Sendable {
    var rows: [SheetRow]
    var merged: [MergedRange]
    var date1904: Bool
    var sheetNames: [String]
    var sheet: String

    static let rowLimit = 200_000

    static func read(_ file: URL, sheet: String? = nil) throws -> ImportSource {
        let handle = try FileHandle(forReadingFrom: file)
        let head = try handle.read(upToCount: 8192) ?? Data()
        try handle.close()
        switch FileKind.sniff([UInt8](head)) {
        case .xlsx:
            let reader = try XLSXReader(url: file, limits: .init(rows: rowLimit))
            let chosen = try reader.sheet(named: sheet)
            let (rows, merged) = try reader.rows(of: chosen)
            return ImportSource(
                rows: rows, merged: merged, date1904: reader.date1904, sheetNames: reader.sheets.map(\.name), sheet: chosen.name)
        case .text:
            let rows = try CSVReader.rows(try Data(contentsOf: file), rowLimit: rowLimit)
            return ImportSource(rows: rows, merged: [], date1904: false, sheetNames: [], sheet: "")
        case .encrypted, .legacyExcel, .otherOffice:
            // the whole compound file says which it is (its directory may sit at the end)
            switch FileKind.sniff([UInt8](try Data(contentsOf: file))) {
            case .encrypted: throw SpreadsheetError.encrypted
            case .legacyExcel: throw SpreadsheetError.legacyExcel
            default: throw SpreadsheetError.notASpreadsheet
            }
        case .binary:
            throw SpreadsheetError.notASpreadsheet
        }
    }

    /// The headers of a row, a merged cell's text standing for every column it spans.
    func headers(at rowNumber: Int) -> [Int: String] {
        guard let row = rows.first(where: { $0.number == rowNumber }) else { return [:] }
        var headers: [Int: String] = [:]
        for (column, value) in row.cells {
            if case .text(let text) = value { headers[column] = text.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        for range in merged where (range.firstRow...range.lastRow).contains(rowNumber) {
            let top = rows.first { $0.number == range.firstRow }?[range.firstColumn]
            guard case .text(let text)? = top else { continue }
            for column in range.firstColumn...range.lastColumn where headers[column] == nil { headers[column] = text }
        }
        return headers
    }

    /// The header row a bureau's sheet most likely has: of the first ten rows, the one whose
    /// headers name the most fields (a title row above it names none).
    func likelyHeaderRow(fields: [ImportField]) -> Int {
        let candidates = rows.prefix(10).map(\.number)
        return candidates.max { a, b in
            ColumnMapping.suggest(headers: headers(at: a), fields: fields).count
                < ColumnMapping.suggest(headers: headers(at: b), fields: fields).count
        } ?? 1
    }
}
