import Foundation
import ZIPFoundation

/// Writes one table as an .xlsx workbook without holding it in memory: rows go to a temporary sheet
/// part as they come (inline strings, so no shared-string table has to be kept), and `finish`
/// packs the parts into the workbook. The first sheet is the table, its header row frozen and
/// auto-filtered; the second (说明) says what the table is.
public final class XLSXWriter {
    public let columns: [Column]
    let sheetName: String
    let workDirectory: URL
    private let sheetPart: URL
    private var output: BufferedFile
    public private(set) var rowCount = 0

    /// - Parameters:
    ///   - directory: where the temporary parts and the workbook are written (a fresh folder of its own).
    public init(columns: [Column], sheetName: String, directory: URL) throws {
        precondition(!columns.isEmpty, "a table has columns")
        self.columns = columns
        self.sheetName = Self.safeSheetName(sheetName)
        self.workDirectory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        sheetPart = directory.appendingPathComponent("sheet1.xml")
        output = try BufferedFile(creating: sheetPart)
        try output.write(XLSXParts.sheetHead(columns: columns, frozenHeader: true))
        try append(row: columns.map { .text($0.header) }, header: true)
    }

    /// One row, in the columns' order; missing trailing cells are empty.
    public func append(_ cells: [Cell]) throws {
        try append(row: cells, header: false)
    }

    private func append(row cells: [Cell], header: Bool) throws {
        rowCount += 1
        let r = rowCount
        var xml = "<row r=\"\(r)\">"
        for (index, cell) in cells.prefix(columns.count).enumerated() {
            let ref = CellReference.column(index) + String(r)
            let style = header ? XLSXParts.Style.header : XLSXParts.Style.of(columns[index].kind)
            xml += XLSXParts.cell(cell, ref: ref, style: style)
        }
        xml += "</row>"
        try output.write(xml)
    }

    /// Packs the workbook at `url` and removes the temporary parts. The writer is done after this.
    public func finish(info: ExportInfo, at url: URL) throws {
        let lastRef = CellReference.column(columns.count - 1) + String(rowCount)
        try output.write("</sheetData><autoFilter ref=\"A1:\(lastRef)\"/>" + XLSXParts.sheetTail)
        try output.close()
        defer { try? FileManager.default.removeItem(at: sheetPart) }
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        let infoSheet = XLSXParts.infoSheet(info)
        let filterRange =
            "'\(sheetName.replacingOccurrences(of: "'", with: "''"))'!$A$1:$\(CellReference.column(columns.count - 1))$\(rowCount)"
        let parts: [(String, String)] = [
            ("[Content_Types].xml", XLSXParts.contentTypes),
            ("_rels/.rels", XLSXParts.rootRelationships),
            ("docProps/app.xml", XLSXParts.appProperties),
            ("xl/workbook.xml", XLSXParts.workbook(sheetNames: [sheetName, "说明"], filterRange: filterRange)),
            ("xl/_rels/workbook.xml.rels", XLSXParts.workbookRelationships(sheets: 2)),
            ("xl/styles.xml", XLSXParts.styles),
            ("xl/worksheets/sheet2.xml", infoSheet),
        ]
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<min(Int(position) + size, data.count)) })
        }
        let size = try FileManager.default.attributesOfItem(atPath: sheetPart.path)[.size] as? Int64 ?? 0
        let handle = try FileHandle(forReadingFrom: sheetPart)
        defer { try? handle.close() }
        try archive.addEntry(
            with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: size, compressionMethod: .deflate,
            bufferSize: 256 * 1024,
            provider: { position, chunk in
                try handle.seek(toOffset: UInt64(position))
                return try handle.read(upToCount: chunk) ?? Data()
            })
    }

    /// Excel's rules for a sheet's name: at most 31 characters, none of []:*?/\.
    static func safeSheetName(_ name: String) -> String {
        let cleaned = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        return cleaned.isEmpty ? "Sheet1" : cleaned
    }
}

/// "A", "B", …, "Z", "AA": a column as Excel names it (0-based index in).
public enum CellReference {
    public static func column(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let rest = (n - 1) % 26
            letters.insert(Character(UnicodeScalar(UInt8(65 + rest))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }

    /// Excel's last column (XFD) and last row.
    public static let maxColumns = 16_384
    public static let maxRows = 1_048_576

    /// "AB12" → (column 27, row 12), 0-based column, 1-based row; nil beyond XFD1048576, so a
    /// crafted file's "AAAAAAAAAAAAAAAA1" is no reference rather than an overflow.
    public static func parse(_ ref: String) -> (column: Int, row: Int)? {
        var column = 0
        var digits = Substring("")
        for (offset, char) in ref.enumerated() {
            if let ascii = char.asciiValue, (65...90).contains(ascii) || (97...122).contains(ascii) {
                guard offset < 3 else { return nil }
                column = column * 26 + Int((ascii & 0xDF) - 64)
            } else {
                digits = ref.dropFirst(offset)
                break
            }
        }
        guard (1...maxColumns).contains(column), let row = Int(digits), (1...maxRows).contains(row) else { return nil }
        return (column - 1, row)
    }
}

/// Appends text to a file through a 64 KB buffer.
struct BufferedFile {
    private let handle: FileHandle
    private var buffer = Data()

    init(creating url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw SpreadsheetError.unwritable(url.lastPathComponent)
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(80 * 1024)
    }

    mutating func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 64 * 1024 { try flush() }
    }

    mutating func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws {
        try flush()
        try handle.close()
    }
}
