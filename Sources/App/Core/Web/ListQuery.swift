import Domain
import FluentSQL
import Vapor

/// The filters every list shares (keyword, amount in 万元, dates, industry, sort direction, page),
/// read from the URL and checked like any input: a wrong value is a 400 naming its parameter.
extension Request {
    /// A query value as typed, without the spaces around it.
    func queryText(_ name: String) -> String {
        (queryValue(name) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What was typed in a keyword box, without invisible format or control characters (a
    /// zero-width space matches nothing), at most 60 characters.
    func queryKeyword(_ name: String = "q") -> String {
        let visible = queryText(name).unicodeScalars.filter { ![.format, .control].contains($0.properties.generalCategory) }
        return String(String(String.UnicodeScalarView(visible)).prefix(60)).trimmingCharacters(in: .whitespaces)
    }

    /// An amount typed in 万元 to the hundredth (100元), at most 1万亿元, as CNY minor units.
    func queryWan(_ name: String) throws -> Int64? {
        let text = queryText(name)
        guard !text.isEmpty else { return nil }
        guard let hundredths = FixedPoint.parse(text, places: 2, maxWhole: 100_000_000) else {
            throw Self.invalidQuery(name, text, expected: "以万元计的金额（如 5000 或 1273.75）", "an amount in 万元 (e.g. 5000)")
        }
        return hundredths * 10_000
    }

    func queryDate(_ name: String) throws -> CivilDate? {
        let text = queryText(name)
        guard !text.isEmpty else { return nil }
        guard let date = CivilDate(text) else { throw Self.invalidQuery(name, text, expected: "日期（YYYY-MM-DD）", "a date (YYYY-MM-DD)") }
        return date
    }

    /// A GB/T 4754 code or its start (C, C39, C3971), upper-cased; empty when absent.
    func queryIndustry(_ name: String = "industry") throws -> String {
        let code = queryText(name).uppercased()
        if !code.isEmpty, code.count > 5 || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            throw Self.invalidQuery(name, code, expected: "国民经济行业代码（如 C39）", "an industry code (e.g. C39)")
        }
        return code
    }

    /// `dir`: newest or largest first unless `asc`.
    func queryDescending() throws -> Bool {
        switch queryText("dir") {
        case "", "desc": return true
        case "asc": return false
        case let other: throw Self.invalidQuery("dir", other, expected: " asc 或 desc", "asc or desc")
        }
    }

    func queryPage() throws -> Int {
        let text = queryText("page")
        guard text.isEmpty || (Int(text).map { (1...10_000).contains($0) } ?? false) else {
            throw Self.invalidQuery("page", text, expected: " 1–10000 的整数", "an integer 1–10000")
        }
        return Int(text) ?? 1
    }
}

/// The SQL pieces the lists share.
/// One page of a list as a request asks for it, for the page and the API alike: the filter read,
/// the page's rows (one more read than shown tells of a next page) and the whole filtered set's totals.
struct ListPage<Filter: Sendable, Row: Sendable, Totals: Sendable>: Sendable {
    var filter: Filter
    var rows: [Row]
    var hasMore: Bool
    var totals: Totals

    /// `read` holds up to `per` + 1 rows.
    init(filter: Filter, read: [Row], per: Int, totals: Totals) {
        (self.filter, rows, hasMore, self.totals) = (filter, Array(read.prefix(per)), read.count > per, totals)
    }
}

enum ListQuery {
    /// CNY minor units back into the 万元 typed ("5000", "1273.75"); empty for nil.
    static func wanText(_ minor: Int64?) -> String {
        guard let hundredths = minor.map({ $0 / 10_000 }) else { return "" }
        return String(hundredths / 100) + (hundredths % 100 == 0 ? "" : String(format: ".%02d", Int(hundredths % 100)))
    }

    /// `!` escapes LIKE's wildcards in what the user typed (a literal 50% or a_b matches itself).
    static func likeEscaped(_ text: String) -> String {
        var out = ""
        for char in text {
            if char == "%" || char == "_" || char == "!" { out.append("!") }
            out.append(char)
        }
        return out
    }

    /// A keyword matching any of the text columns, a USCC exactly, or an enterprise by its folded
    /// name (the caller folds it: 繁体, full width, 有限公司 or not) in the `folded.column` column.
    static func keyword(_ keyword: String, in columns: [String], uscc: String? = nil, folded: (column: String, key: String)? = nil)
        -> SQLQueryString
    {
        let pattern = "%" + likeEscaped(keyword) + "%"
        var any = columns.map { column -> SQLQueryString in "\(unsafeRaw: column) LIKE \(bind: pattern) ESCAPE '!'" }
        if let uscc { any.append("\(unsafeRaw: uscc) = \(bind: keyword.uppercased())") }
        if let folded, !folded.key.isEmpty {
            any.append("\(unsafeRaw: folded.column) LIKE \(bind: "%" + likeEscaped(folded.key) + "%") ESCAPE '!'")
        }
        return "(" + any.joined(separator: " OR ") + ")"
    }

    /// " AND e >= low AND e <= high" for the bounds given (either may be absent); "" for none.
    static func range<T: Encodable & Sendable>(_ expression: SQLQueryString, _ low: T?, _ high: T?) -> SQLQueryString {
        var sql: SQLQueryString = ""
        if let low { sql = sql + " AND " + expression + " >= \(bind: low)" }
        if let high { sql = sql + " AND " + expression + " <= \(bind: high)" }
        return sql
    }

    /// Sums of one money column grouped by currency and month, converted by the Domain's rate table;
    /// each row of `query` gives `n`, `currency`, `month` (YYYY-MM) and `minor`.
    static func sums(_ query: SQLQueryString, rates: ExchangeRates, on db: any SQLDatabase) async throws -> (
        count: Int, total: ExchangeRates.Total
    ) {
        var count = 0
        var entries: [(money: Money, date: CivilDate)] = []
        for row in try await db.raw(query).all() {
            let r = RowReader(row)
            count += try r.int("n")
            guard let currency = try r.optionalString("currency").flatMap(Currency.init(rawValue:)),
                let month = try r.optionalString("month"), let date = CivilDate(month + "-01"), let minor = try r.optionalInt64("minor")
            else { continue }
            entries.append((Money(minorUnits: minor, currency: currency), date))
        }
        return (count, rates.total(entries))
    }
}

extension Dictionary where Key == String, Value == String {
    /// A filter's values as one cache key, names in order, each part prefixed by its length so
    /// that no value can pass for another (`Array.description` costs a reflection per pair).
    var cacheKey: String {
        var key = ""
        for name in keys.sorted() {
            let value = self[name] ?? ""
            key += "\(name.utf8.count):\(name)\(value.utf8.count):\(value)"
        }
        return key
    }
}
