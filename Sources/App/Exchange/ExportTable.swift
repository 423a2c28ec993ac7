import Domain
import Foundation
import Spreadsheet
import Vapor

/// One list as a spreadsheet: its title, its columns, what the filters on screen narrowed it to,
/// and its rows read chunk by chunk in the page's own order — the same query as the page, all
/// pages of it, so an export holds exactly what the screen selects.
struct ExportTable: Sendable {
    /// The file's name without its ending, and the word the audit trail records (`export.<kind>`).
    var kind: String
    var title: String
    var columns: [Column]
    /// The filters as a cadre reads them (标签, 值), for the 说明 sheet.
    var filters: [(label: String, value: String)]
    /// The rows of chunk `n` (0-based); an empty chunk ends the table.
    var chunk: @Sendable (Int) async throws -> [[Cell]]

    static let chunkSize = 500

    /// A table read whole (a board of units, one's to-dos): one chunk, then the end.
    static func whole(_ rows: [[Cell]]) -> @Sendable (Int) async throws -> [[Cell]] {
        { index in index == 0 ? rows : [] }
    }

    enum Format: String, CaseIterable, Sendable {
        case xlsx, csv

        var mediaType: HTTPMediaType {
            switch self {
            case .xlsx: HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            case .csv: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            }
        }

        /// `?format=xlsx|csv` (another value is a 400 naming the parameter), or for the API an
        /// `Accept` naming one of the two media types; nil for a page.
        static func asked(_ request: Request, api: Bool) throws -> Format? {
            if let format = try request.queryChoice("format", Format.self) { return format }
            guard api else { return nil }
            let accept = request.headers[.accept].joined(separator: ",").lowercased()
            if accept.contains("spreadsheetml.sheet") { return .xlsx }
            return accept.contains("text/csv") ? .csv : nil
        }
    }

    /// Writes the table to `folder` and answers the file's URL and the number of rows written.
    func write(_ format: Format, info: ExportInfo, in folder: URL) async throws -> (file: URL, rows: Int) {
        let file = folder.appendingPathComponent("\(kind).\(format.rawValue)")
        switch format {
        case .xlsx:
            let writer = try XLSXWriter(columns: columns, sheetName: title, directory: folder.appendingPathComponent("parts"))
            let rows = try await fill { try writer.append($0) }
            try writer.finish(info: info, at: file)
            return (file, rows)
        case .csv:
            let caption = ([info.title] + info.lines.map { "\($0.label)：\($0.value)" }).joined(separator: "；")
            let writer = try CSVWriter(columns: columns, at: file, caption: caption)
            let rows = try await fill { try writer.append($0) }
            try writer.finish()
            return (file, rows)
        }
    }

    private func fill(_ append: ([Cell]) throws -> Void) async throws -> Int {
        var written = 0
        var index = 0
        while true {
            let rows = try await chunk(index)
            for row in rows { try append(row) }
            written += rows.count
            if rows.count < Self.chunkSize { return written }
            index += 1
        }
    }
}

extension Cell {
    /// Money in 万元 when it is CNY; a foreign amount is written in its own currency's text, so a
    /// 万元 column never adds dollars to yuan.
    static func wan(_ money: Money?) -> Cell {
        guard let money else { return .empty }
        return money.currency == .cny ? .wan(minorUnits: money.minorUnits) : .text(ChineseAmount.format(money))
    }

    static func day(_ text: String?) -> Cell {
        guard let text, let date = CivilDate(text), let day = SheetDate(year: date.year, month: date.month, day: date.day) else {
            return text.map { $0.isEmpty ? .empty : .text($0) } ?? .empty
        }
        return .date(day)
    }

    static func integer(_ value: Int) -> Cell { .number(Double(value)) }
}
