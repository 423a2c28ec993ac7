/// What a table on screen becomes in a workbook: columns that know what they hold, rows of cells.
public struct Column: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Text, left as typed (a USCC, a name, a number that is really a code).
        case text
        /// A whole number with thousands separators (1,234).
        case integer
        /// An amount with two decimals and thousands separators (1,273.75) — the header says the unit (（万元）).
        case amount
        /// A day, shown as 2025-10-01 and stored as a date.
        case date
        /// A share, stored as a fraction (0.125) and shown as 12.5%.
        case percent
    }

    public var header: String
    public var kind: Kind
    /// In characters; by default from the header and the kind.
    public var width: Double?

    public init(_ header: String, _ kind: Kind = .text, width: Double? = nil) {
        self.header = header
        self.kind = kind
        self.width = width
    }

    /// A CJK character is about two of Excel's width units.
    var characters: Double {
        if let width { return width }
        let header = self.header.unicodeScalars.reduce(0.0) { $0 + ($1.value > 0x2E7F ? 2.1 : 1.1) } + 2
        let least: Double =
            switch kind {
            case .text: 14
            case .integer: 10
            case .amount: 14
            case .date: 12
            case .percent: 9
            }
        return min(max(header, least), 60)
    }
}

/// One cell's value. A number cell in a text column is written as a number all the same; the
/// column's kind chooses the number format.
public enum Cell: Sendable, Equatable {
    case empty
    case text(String)
    case number(Double)
    case date(SheetDate)
    case bool(Bool)

    /// An amount in minor units (分) shown in 万元: 1,273.75 for 12,737,500 元.
    public static func wan(minorUnits: Int64) -> Cell { .number(Double(minorUnits) / 1_000_000) }
}

/// Title, filters and time of an export: the workbook's second sheet (说明) and the CSV's caption.
public struct ExportInfo: Sendable {
    public var title: String
    public var lines: [(label: String, value: String)]

    public init(title: String, lines: [(label: String, value: String)]) {
        self.title = title
        self.lines = lines
    }
}
