import Foundation

/// Values as people type them into a ledger, read for an import: amounts with their unit (29.14亿,
/// 4,389万元, 310万美元, or a bare 1.5 under a header 金额（亿元）) and days (2025-10-01, 2025/10/1,
/// 2025年10月1日, 2025.10.1, 20251001, or a spreadsheet's date cell) — never a silent guess: a day
/// written 03/04/2025 could be March or April, so it is an error that asks, and text in a number
/// column is an error, not 0.
public enum ImportValues {
    public enum Failure: Error, Equatable, Sendable {
        case notAnAmount(String)
        case negative(String)
        case tooPrecise(String)
        case outOfRange(String)
        case notADate(String)
        case ambiguousDate(String)
        case noSuchDay(String)
        case notAFlag(String)

        /// What the row's error column says, after "第 12 行 D 列：".
        public var message: String {
            switch self {
            case .notAnAmount(let raw): "“\(raw)”不是金额（应写作 29.14亿、4389万元 或 310万美元）"
            case .negative(let raw): "金额不能为负数：\(raw)"
            case .tooPrecise(let raw): "金额精确到分即可：\(raw)"
            case .outOfRange(let raw): "金额超出范围（最多 1万亿元）：\(raw)"
            case .notADate(let raw): "“\(raw)”不是日期（应写作 2025-10-01 或 2025年10月1日）"
            case .ambiguousDate(let raw): "“\(raw)”无法确定是几月几日，请写作 2025-10-01 的形式"
            case .noSuchDay(let raw): "日期不存在：\(raw)"
            case .notAFlag(let raw): "“\(raw)”应填“是”或“否”"
            }
        }
    }

    /// The unit a header states in its brackets: 合同投资额（亿元） → (亿, CNY), 金额(万美元) → (万, USD),
    /// 注册资本（元） → (none, CNY). Nil when the header states none.
    public static func headerUnit(_ header: String) -> AmountUnit? {
        let folded = TextFold.fold(header)
        guard let open = folded.lastIndex(where: { $0 == "(" || $0 == "（" }) else { return nil }
        let inside = folded[folded.index(after: open)...].prefix { $0 != ")" && $0 != "）" }
        return AmountUnit(String(inside))
    }

    /// A multiplier word (万 or 亿, or none) and a currency, as a cadre writes them after a number.
    public struct AmountUnit: Equatable, Sendable {
        public var multiplier: String
        public var currency: Currency

        public init(multiplier: String = "", currency: Currency = .cny) {
            self.multiplier = multiplier
            self.currency = currency
        }

        /// "亿元", "万美元", "元", "万": nil for anything else.
        public init?(_ text: String) {
            var rest = Substring(text.trimmingCharacters(in: .whitespaces))
            var multiplier = ""
            if rest.hasPrefix("万") || rest.hasPrefix("亿") {
                multiplier = String(rest.removeFirst())
            }
            if rest.isEmpty {
                guard !multiplier.isEmpty else { return nil }
                self.init(multiplier: multiplier, currency: .cny)
                return
            }
            guard let currency = Currency.allCases.first(where: { $0.unitWord == rest }) ?? (rest == "人民币" ? .cny : nil) else {
                return nil
            }
            self.init(multiplier: multiplier, currency: currency)
        }

        public static let yuan = AmountUnit()
        public static let wanYuan = AmountUnit(multiplier: "万")
        public static let yiYuan = AmountUnit(multiplier: "亿")
    }

    /// An amount from a text cell: its own unit if it writes one, else the header's (or the field's).
    public static func amount(text raw: String, unit: AmountUnit) throws(Failure) -> Money {
        var text = TextFold.fold(raw).filter { !$0.isWhitespace }
        guard !text.isEmpty else { throw .notAnAmount(raw) }
        if text.hasPrefix("-") { throw .negative(raw) }
        // the value's own currency word, then its own 万/亿; a bare number takes the header's unit
        var currency = unit.currency
        var written = false
        for candidate in Currency.allCases.sorted(by: { $0.unitWord.count > $1.unitWord.count }) where text.hasSuffix(candidate.unitWord) {
            currency = candidate
            text.removeLast(candidate.unitWord.count)
            written = true
            break
        }
        if text.hasSuffix("人民币") {
            text.removeLast(3)
            (currency, written) = (.cny, true)
        }
        var multiplier = written ? "" : unit.multiplier
        if text.hasSuffix("万") || text.hasSuffix("亿") {
            multiplier = String(text.removeLast())
        }
        do {
            return try ChineseAmount.parse(text + multiplier, currency: currency)
        } catch {
            switch error {
            case .tooManyDecimals: throw .tooPrecise(raw)
            case .outOfRange: throw .outOfRange(raw)
            case .empty, .notANumber: throw .notAnAmount(raw)
            }
        }
    }

    /// An amount from a number cell, in the header's (or the field's) unit.
    public static func amount(number: Double, unit: AmountUnit) throws(Failure) -> Money {
        guard number.isFinite else { throw .notAnAmount(String(number)) }
        guard number >= 0 else { throw .negative(String(number)) }
        guard number < 1e15 else { throw .outOfRange(String(number)) }
        // the shortest decimal that reads back as the same double: 29.14, not 29.140000000000001
        let text = number == number.rounded() ? String(Int64(number)) : "\(number)"
        return try amount(text: text, unit: unit)
    }

    /// A yes/no column as ledgers fill it: 是/否, Y/N, 1/0, √, TRUE/FALSE; anything else (也许,
    /// 待定) is an error, never a quiet no.
    public static func flag(text raw: String) throws(Failure) -> Bool {
        switch TextFold.fold(raw).trimmingCharacters(in: .whitespaces).lowercased() {
        case "是", "y", "yes", "1", "√", "true": return true
        case "否", "n", "no", "0", "×", "false": return false
        default: throw .notAFlag(raw)
        }
    }

    /// A day from a text cell.
    public static func date(text raw: String) throws(Failure) -> CivilDate {
        // a time of day after the date is dropped (2025-10-01 00:00:00)
        var text = raw.trimmingCharacters(in: .whitespaces)
        if let space = text.firstIndex(where: \.isWhitespace) { text = String(text[..<space]) }
        text = TextFold.fold(text)
        if text.hasSuffix("日") || text.hasSuffix("号") { text.removeLast() }
        let digits = text.filter(\.isASCIIDigitCharacter)
        if digits.count == text.count {
            // 20251001
            guard text.count == 8, let y = Int(text.prefix(4)), let m = Int(text.dropFirst(4).prefix(2)), let d = Int(text.suffix(2)) else {
                throw .notADate(raw)
            }
            return try day(y, m, d, raw)
        }
        let parts = text.split(whereSeparator: { "-/.年月".contains($0) }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }) else {
            throw .notADate(raw)
        }
        if parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) {
            return try day(y, m, d, raw)
        }
        // 03/04/2025 or 3/4/25: month-first in one country, day-first in another — ask
        if parts[2].count == 4 || parts[2].count == 2 { throw .ambiguousDate(raw) }
        throw .notADate(raw)
    }

    private static func day(_ y: Int, _ m: Int, _ d: Int, _ raw: String) throws(Failure) -> CivilDate {
        guard (1900...2200).contains(y) else { throw .notADate(raw) }
        guard (1...12).contains(m), (1...31).contains(d) else { throw .noSuchDay(raw) }
        let iso = String(format4: y) + "-" + String(pad2: m) + "-" + String(pad2: d)
        guard let date = CivilDate(iso) else { throw .noSuchDay(raw) }
        return date
    }
}

extension String {
    fileprivate init(pad2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
    fileprivate init(format4 value: Int) { self = String(value) }
}
