/// Money is exact: integer minor units (分 for CNY, cents for USD) and an ISO 4217 code (SPEC §5).
public struct Money: Hashable, Sendable, Codable {
    public var minorUnits: Int64
    public var currency: Currency

    public init(minorUnits: Int64, currency: Currency = .cny) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Whole yuan / dollars, as registries and contracts state them.
    public static func major(_ amount: Int64, _ currency: Currency = .cny) -> Money {
        Money(minorUnits: amount * 100, currency: currency)
    }
}

public enum Currency: String, Codable, Sendable, CaseIterable {
    case cny = "CNY"
    case usd = "USD"
    case hkd = "HKD"
    case eur = "EUR"
    case jpy = "JPY"

    /// The unit word a cadre writes after 万/亿.
    public var unitWord: String {
        switch self {
        case .cny: "元"
        case .usd: "美元"
        case .hkd: "港元"
        case .eur: "欧元"
        case .jpy: "日元"
        }
    }
}

/// Writes and reads amounts the way a bureau writes them: 29.14亿元, 4.389亿元, 500万元.
public enum ChineseAmount {
    static let wan: Int64 = 10_000
    static let yi: Int64 = 100_000_000

    /// ≥ 1亿 in 亿 with up to four decimals (i.e. to the 万), ≥ 1万 in 万 with up to two, else in 元.
    public static func format(_ money: Money) -> String {
        let negative = money.minorUnits < 0
        let minor = money.minorUnits.magnitude
        let unit = money.currency.unitWord
        let text: String
        if minor >= UInt64(yi) * 100 {
            text = decimal(minor, divisor: UInt64(yi) * 100, places: 4) + "亿" + unit
        } else if minor >= UInt64(wan) * 100 {
            text = decimal(minor, divisor: UInt64(wan) * 100, places: 2) + "万" + unit
        } else {
            text = decimal(minor, divisor: 100, places: 2) + unit
        }
        return negative ? "-" + text : text
    }

    /// Rounds half up at the last shown place and drops trailing zeros.
    static func decimal(_ value: UInt64, divisor: UInt64, places: Int) -> String {
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        // value / divisor, rounded to `places`, computed without floating point
        let scaled = (value * scale + divisor / 2) / divisor
        let whole = scaled / scale
        var fraction = String(scaled % scale)
        while fraction.count < places { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
    }

    public enum ParseError: Error, Equatable, Sendable {
        case empty
        case notANumber(String)
        case tooManyDecimals
        case outOfRange
    }

    /// Parses "29.14亿", "29.14亿元", "500万", "7000", "7,000元" into CNY minor units.
    /// Rejects more precision than a fen, negatives and amounts beyond 1万亿元 (10^14 fen).
    public static func parse(_ raw: String, currency: Currency = .cny) throws(ParseError) -> Money {
        var text = TextFold.fold(raw).replacingAll(",", with: "")
        guard !text.isEmpty else { throw .empty }
        for word in [currency.unitWord, "人民币", "rmb", "元"] where text.hasSuffix(word) {
            text.removeLast(word.count)
        }
        var multiplier: Int64 = 1
        if text.hasSuffix("亿") {
            multiplier = yi
            text.removeLast()
        } else if text.hasSuffix("万") {
            multiplier = wan
            text.removeLast()
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let wholePart = parts.first,
            !wholePart.isEmpty, wholePart.allSatisfy(\.isASCIIDigitCharacter)
        else { throw .notANumber(raw) }
        let fractionPart = parts.count == 2 ? parts[1] : ""
        guard fractionPart.allSatisfy(\.isASCIIDigitCharacter) else { throw .notANumber(raw) }
        guard wholePart.count <= 15 else { throw .outOfRange }
        // minor units = (whole + fraction) × multiplier × 100, exact
        let minorPerUnit = multiplier * 100
        var digitsAllowed = 0
        var probe = minorPerUnit
        while probe > 1, probe % 10 == 0 {
            probe /= 10
            digitsAllowed += 1
        }
        guard fractionPart.count <= digitsAllowed else { throw .tooManyDecimals }
        guard let whole = Int64(wholePart) else { throw .outOfRange }
        var fractionMinor: Int64 = 0
        if !fractionPart.isEmpty, let fraction = Int64(fractionPart) {
            var divisor: Int64 = 1
            for _ in 0..<fractionPart.count { divisor *= 10 }
            fractionMinor = fraction * (minorPerUnit / divisor)
        }
        let (product, overflow) = whole.multipliedReportingOverflow(by: minorPerUnit)
        guard !overflow, product + fractionMinor <= maximumMinorUnits else { throw .outOfRange }
        return Money(minorUnits: product + fractionMinor, currency: currency)
    }

    /// 1万亿元 (10,000亿): more than any single enterprise or project in a county ledger.
    public static let maximumMinorUnits: Int64 = 10_000 * yi * 100
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for char in self { if char == target { out += replacement } else { out.append(char) } }
        return out
    }
}
