/// Which column of a bureau's sheet holds which field of an import: suggested from the headers
/// they actually write (企业名称 / 单位名称 / 公司名称 → name; 统一社会信用代码 / 信用代码 →
/// uscc; 合同投资额（亿元） → the contract amount, its unit read from the brackets), adjusted by
/// the user, and checked: a required field without a column, or two columns for one field, is
/// said before anything is read.
public struct ImportField: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text(maxLength: Int)
        /// An amount; a bare number is in this unit unless the header states another.
        case amount(default: ImportValues.AmountUnit)
        case date
        case integer
    }

    public var key: String
    public var label: String
    public var kind: Kind
    public var required: Bool
    /// Headers people write for it, most specific first.
    public var synonyms: [String]

    public init(_ key: String, _ label: String, _ kind: Kind, required: Bool = false, synonyms: [String]) {
        (self.key, self.label, self.kind, self.required, self.synonyms) = (key, label, kind, required, synonyms)
    }
}

public enum ColumnMapping {
    public enum Problem: Equatable, Sendable {
        case missing(field: String)
        case twice(field: String, columns: [String])

        public var message: String {
            switch self {
            case .missing(let field): "没有对应“\(field)”的列：这是必填项，请在列对应中选择"
            case .twice(let field, let columns): "\(columns.joined(separator: "、")) 列都对应了“\(field)”，一个字段只能对应一列"
            }
        }
    }

    /// A header without its bracketed unit, spaces or punctuation: 合同投资额（亿元） → 合同投资额.
    public static func key(_ header: String) -> String {
        var folded = TextFold.fold(header)
        if let open = folded.firstIndex(where: { $0 == "(" || $0 == "（" }) { folded = String(folded[..<open]) }
        return String(folded.filter { !$0.isWhitespace && !"*＊:：".contains($0) }).lowercased()
    }

    /// Column index (0-based) → field key, for every header that names a field: exact names first,
    /// then a header containing a name; each field to its first column.
    public static func suggest(headers: [Int: String], fields: [ImportField]) -> [Int: String] {
        var mapping: [Int: String] = [:]
        var taken = Set<String>()
        let columns = headers.keys.sorted()
        for exact in [true, false] {
            for column in columns where mapping[column] == nil {
                let header = key(headers[column] ?? "")
                guard !header.isEmpty else { continue }
                let found = fields.first { field in
                    !taken.contains(field.key)
                        && field.synonyms.map(key).contains { exact ? $0 == header : header.contains($0) && $0.count >= 2 }
                }
                if let found {
                    mapping[column] = found.key
                    taken.insert(found.key)
                }
            }
        }
        return mapping
    }

    /// What is wrong with a mapping before any row is read.
    public static func problems(_ mapping: [Int: String], fields: [ImportField]) -> [Problem] {
        var problems: [Problem] = []
        for field in fields where field.required && !mapping.values.contains(field.key) {
            problems.append(.missing(field: field.label))
        }
        let grouped = Dictionary(grouping: mapping.keys.sorted(), by: { mapping[$0]! })
        for field in fields {
            if let columns = grouped[field.key], columns.count > 1 {
                problems.append(.twice(field: field.label, columns: columns.map(columnName)))
            }
        }
        return problems
    }

    /// "A", "B", …, "AA": a column as Excel names it.
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let rest = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + rest))) + name
            n = (n - 1) / 26
        }
        return name
    }
}
