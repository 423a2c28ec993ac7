import Foundation

/// CSV as Excel on Chinese Windows opens it: UTF-8 with a byte-order mark, CRLF, fields quoted
/// when they must be, and formula-safe — text beginning with = + - @ (or a tab or CR) is written
/// with a leading apostrophe inside quotes, so a spreadsheet shows it and never runs it.
public final class CSVWriter {
    public let columns: [Column]
    private var output: BufferedFile
    public private(set) var rowCount = 0

    public init(columns: [Column], at url: URL, caption: String? = nil) throws {
        self.columns = columns
        output = try BufferedFile(creating: url)
        try output.write("\u{FEFF}")
        if let caption { try output.write(Self.field(caption) + "\r\n") }
        try output.write(columns.map { Self.field($0.header) }.joined(separator: ",") + "\r\n")
    }

    public func append(_ cells: [Cell]) throws {
        rowCount += 1
        var fields: [String] = []
        for (index, column) in columns.enumerated() {
            fields.append(Self.text(index < cells.count ? cells[index] : .empty, kind: column.kind))
        }
        try output.write(fields.joined(separator: ",") + "\r\n")
    }

    public func finish() throws {
        try output.close()
    }

    static func text(_ cell: Cell, kind: Column.Kind) -> String {
        switch cell {
        case .empty: return ""
        case .text(let text): return field(text)
        case .bool(let value): return value ? "是" : "否"
        case .date(let day): return day.description
        case .number(let value):
            guard value.isFinite else { return "" }
            switch kind {
            case .amount: return String(format: "%.2f", value)
            case .percent: return String(format: "%.1f%%", value * 100)
            case .integer: return XLSXParts.number(value.rounded())
            case .text, .date: return XLSXParts.number(value)
            }
        }
    }

    /// One text field: quoted when it holds a comma, quote, line break or edge space, or when it
    /// would start a formula.
    public static func field(_ text: String) -> String {
        // by scalar: "\r\n" is one Character, equal to neither "\r" nor "\n"
        let formula = text.unicodeScalars.first.map { "=+-@\t\r\n".unicodeScalars.contains($0) } ?? false
        let body = formula ? "'" + text : text
        let needsQuotes =
            formula || body.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || body.first?.isWhitespace == true || body.last?.isWhitespace == true
        return needsQuotes ? "\"" + body.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : body
    }
}

/// Reads CSV (and Excel's tab-separated "Unicode text"): the encoding detected (UTF-8 with or
/// without BOM, UTF-16 with BOM, else GB18030 — which covers GBK and GB2312), the separator
/// guessed from the first line (comma, tab or semicolon), quoted fields with doubled quotes and
/// line breaks inside. Row numbers count records, as Excel numbers the rows it opens.
public enum CSVReader {
    public static func rows(_ data: Data, rowLimit: Int = 200_000) throws -> [SheetRow] {
        let text = try TextDecoding.decode(data)
        let separator = guessSeparator(text)
        var rows: [SheetRow] = []
        var cells: [Int: CellValue] = [:]
        var field = ""
        var column = 0
        var number = 1
        var quoted = false
        var atFieldStart = true
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?

        func endField() {
            if !field.isEmpty { cells[column] = .text(field) }
            field = ""
            column += 1
            atFieldStart = true
        }
        func endRow() throws {
            endField()
            guard number <= rowLimit else { throw SpreadsheetError.tooManyRows(limit: rowLimit) }
            if !cells.isEmpty { rows.append(SheetRow(number: number, cells: cells)) }
            cells = [:]
            column = 0
            number += 1
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where atFieldStart:
                quoted = true
                atFieldStart = false
            case separator:
                endField()
            case "\r":
                let next = iterator.next()
                if next != "\n" { pending = next }
                try endRow()
            case "\n":
                try endRow()
            default:
                field.unicodeScalars.append(scalar)
                atFieldStart = false
            }
        }
        if !field.isEmpty || !cells.isEmpty { try endRow() }
        return rows
    }

    static func guessSeparator(_ text: String) -> Unicode.Scalar {
        let firstLine = text.unicodeScalars.prefix { $0 != "\n" && $0 != "\r" }
        var counts: [Unicode.Scalar: Int] = [",": 0, "\t": 0, ";": 0]
        var quoted = false
        for scalar in firstLine {
            if scalar == "\"" { quoted.toggle() }
            if !quoted, counts[scalar] != nil { counts[scalar, default: 0] += 1 }
        }
        let best = counts.max { a, b in a.value < b.value || (a.value == b.value && a.key != ",") }
        return (best?.value ?? 0) > 0 ? best!.key : ","
    }
}
