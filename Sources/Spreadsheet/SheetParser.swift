import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A worksheet part, row by row: each cell's value by its type (shared string, inline string,
/// formula string, boolean, error, number), numbers marked as dates by their style, formulas read
/// by their cached value (`v`), rows and cells without a reference counted on from the last.
final class SheetParser: PartParser {
    private let strings: [String]
    private let dateStyles: Set<Int>
    private let rowLimit: Int
    private let body: (SheetRow) throws -> Void
    private(set) var merged: [MergedRange] = []

    private var row: SheetRow?
    private var lastRow = 0
    private var column = -1
    private var cellType = ""
    private var cellStyle = 0
    private var value = ""
    private var inlineText = ""
    private var capture: Capture = .none
    private var phonetic = 0

    enum Capture { case none, value, inlineText }

    init(strings: [String], dateStyles: Set<Int>, rowLimit: Int, body: @escaping (SheetRow) throws -> Void) {
        self.strings = strings
        self.dateStyles = dateStyles
        self.rowLimit = rowLimit
        self.body = body
    }

    func parse(_ data: Data) throws {
        try run(data, part: "worksheet")
    }

    override func start(_ parser: XMLParser, _ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "row":
            // a row number Excel could not have written (0, negative) counts on from the last, as a missing one
            let number = attributes["r"].flatMap(Int.init).flatMap { $0 >= 1 ? $0 : nil } ?? lastRow + 1
            guard number <= rowLimit else { return abort(parser, SpreadsheetError.tooManyRows(limit: rowLimit)) }
            lastRow = number
            column = -1
            row = SheetRow(number: number, cells: [:], hidden: ["1", "true"].contains(attributes["hidden"] ?? ""))
        case "c":
            column = attributes["r"].flatMap { CellReference.parse($0)?.column } ?? column + 1
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            (value, inlineText) = ("", "")
        case "v": capture = .value
        case "t" where cellType == "inlineStr" && phonetic == 0: capture = .inlineText
        case "rPh": phonetic += 1
        case "mergeCell":
            let parts = (attributes["ref"] ?? "").split(separator: ":").compactMap { CellReference.parse(String($0)) }
            // corners in either order ("B5:A1" names the same cells as "A1:B5")
            if parts.count == 2 {
                merged.append(
                    MergedRange(
                        firstColumn: min(parts[0].column, parts[1].column), firstRow: min(parts[0].row, parts[1].row),
                        lastColumn: max(parts[0].column, parts[1].column), lastRow: max(parts[0].row, parts[1].row)))
            }
        default: break
        }
    }

    override func end(_ parser: XMLParser, _ name: Substring) {
        switch name {
        case "v", "t": capture = .none
        case "rPh": phonetic -= 1
        case "c":
            guard row != nil, column >= 0 else { return }
            let cell = decode()
            if cell != .empty { row?.cells[column] = cell }
        case "row":
            guard let finished = row else { return }
            row = nil
            if finished.cells.isEmpty { return }
            do { try body(finished) } catch { abort(parser, error) }
        default: break
        }
    }

    override func text(_ string: String) {
        switch capture {
        case .value: value += string
        case .inlineText: inlineText += string
        case .none: break
        }
    }

    private func decode() -> CellValue {
        switch cellType {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), strings.indices.contains(index) else { return .empty }
            return strings[index].isEmpty ? .empty : .text(strings[index])
        case "inlineStr": return inlineText.isEmpty ? .empty : .text(inlineText)
        case "str", "d": return value.isEmpty ? .empty : .text(value)
        case "b": return .bool(value.trimmingCharacters(in: .whitespaces) == "1")
        case "e": return .error(value)
        default:
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return .empty }
            guard let number = Double(trimmed) else { return .text(trimmed) }
            return .number(number, isDate: dateStyles.contains(cellStyle))
        }
    }
}
