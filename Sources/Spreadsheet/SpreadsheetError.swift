/// Why a file cannot be read, in words a cadre acts on (`message`) and a stable code for the API.
public enum SpreadsheetError: Error, Equatable, Sendable {
    case encrypted
    case legacyExcel
    case notASpreadsheet
    case corrupt(String)
    case tooLarge(limitMB: Int)
    case compressionRatio(part: String)
    case tooManyRows(limit: Int)
    case noSuchSheet(String)
    case unreadableText
    case unwritable(String)

    public var code: String {
        switch self {
        case .encrypted: "file_encrypted"
        case .legacyExcel: "file_legacy_format"
        case .notASpreadsheet: "file_not_spreadsheet"
        case .corrupt: "file_corrupt"
        case .tooLarge: "file_too_large"
        case .compressionRatio: "file_compression_ratio"
        case .tooManyRows: "file_too_many_rows"
        case .noSuchSheet: "sheet_not_found"
        case .unreadableText: "file_encoding"
        case .unwritable: "file_unwritable"
        }
    }

    public var message: String {
        switch self {
        case .encrypted: "该文件已加密，请另存为未加密的 .xlsx 后再导入"
        case .legacyExcel: "这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中另存为 .xlsx 后再导入"
        case .notASpreadsheet: "该文件不是 Excel 表格或 CSV 文件，请另存为 .xlsx"
        case .corrupt(let detail): "文件已损坏，无法读取（\(detail)），请重新保存后再导入"
        case .tooLarge(let limit): "文件解压后超过 \(limit) MB，请拆分后分批导入"
        case .compressionRatio(let part): "文件的压缩比异常（\(part)），出于安全考虑不予读取"
        case .tooManyRows(let limit): "文件超过 \(limit) 行，请拆分后分批导入"
        case .noSuchSheet(let name): "工作簿中没有名为“\(name)”的工作表"
        case .unreadableText: "无法识别文件的文字编码，请另存为 UTF-8 编码的 CSV 或 .xlsx"
        case .unwritable(let name): "无法写入临时文件 \(name)"
        }
    }
}

/// What the first bytes say a file is (never its name's ending).
public enum FileKind: Equatable, Sendable {
    case xlsx
    case text
    case encrypted
    case legacyExcel
    case otherOffice
    case binary

    public static func sniff(_ head: [UInt8]) -> FileKind {
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            // an OLE compound file: an encrypted OOXML workbook, an old .xls, or a .doc/.ppt
            if contains(head, utf16: "EncryptedPackage") || contains(head, utf16: "EncryptionInfo") { return .encrypted }
            if contains(head, utf16: "Workbook") || contains(head, utf16: "Book") { return .legacyExcel }
            return .otherOffice
        }
        // text has no NUL byte in its first kilobytes (UTF-16 files are not accepted)
        return head.prefix(8192).contains(0) ? .binary : .text
    }

    private static func contains(_ bytes: [UInt8], utf16 word: String) -> Bool {
        let needle = word.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        guard bytes.count >= needle.count else { return false }
        var index = bytes.startIndex
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], Array(bytes[index..<index + needle.count]) == needle { return true }
            index += 1
        }
        return false
    }
}
