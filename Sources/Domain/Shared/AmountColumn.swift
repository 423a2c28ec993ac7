/// Money in a table the way a bureau's ledger writes it: one unit for the whole column, stated
/// once in its header (万元 or 亿元), every cell with two decimals and thousands separators, so
/// 4.2458亿元 never stands beside 1273.75万元 and the eye compares digits, not units. Prose keeps
/// `ChineseAmount.format` (29.14亿元); tables, their totals and exports use this.
public struct AmountColumn: Sendable, Equatable {
    public enum Scale: Sendable, Equatable {
        /// 万元: a county's usual column.
        case wan
        /// 亿元: when the column's typical amount is a hundred million or more.
        case yi

        var minorUnits: UInt64 { self == .wan ? 10_000 * 100 : 100_000_000 * 100 }
        var word: String { self == .wan ? "万" : "亿" }
    }

    public let scale: Scale
    public let currency: Currency

    public init(scale: Scale, currency: Currency = .cny) {
        self.scale = scale
        self.currency = currency
    }

    /// The unit that reads best for these amounts: 亿 when at least half of them are 1亿 or more
    /// (then a 万 column would run to six digits before the point), 万 otherwise. One big project
    /// among county-sized ones keeps the column in 万 (it reads 42,458.00). An empty column is 万.
    public static func fitting(_ amounts: [Money], currency: Currency = .cny) -> AmountColumn {
        let yi: UInt64 = 100_000_000 * 100
        let large = amounts.filter { $0.minorUnits.magnitude >= yi }.count
        return AmountColumn(scale: !amounts.isEmpty && large * 2 >= amounts.count ? .yi : .wan, currency: currency)
    }

    /// The header's unit: 万元, 亿元, 万美元.
    public var unit: String { scale.word + currency.unitWord }

    /// A cell: 1,273.75 or 4.25 (half up at the second decimal). An amount in another currency is
    /// never scaled silently into this one: it is written whole with its own unit (12.5万日元).
    public func cell(_ money: Money) -> String {
        guard money.currency == currency else { return ChineseAmount.format(money) }
        // hundredths of the unit: a whole number of minor units each, so no product can overflow
        let hundredth = scale.minorUnits / 100
        let scaled = (money.minorUnits.magnitude + hundredth / 2) / hundredth
        let text = Self.grouped(scaled / 100) + "." + (scaled % 100 < 10 ? "0" : "") + String(scaled % 100)
        return money.minorUnits < 0 && scaled > 0 ? "-" + text : text
    }

    /// Thousands separators, as Excel and the bureaus' ledgers write them: 42,458.
    public static func grouped(_ whole: UInt64) -> String {
        let digits = Array(String(whole))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
