/// The monthly rate table (SPEC §5): foreign capital is kept in its own currency (实际利用外资 is
/// reported in USD [003]) and CNY totals convert at the rate of the month the money arrived.
public struct ExchangeRates: Sendable {
    /// Yuan per unit of the currency, in ten-thousandths (7.1234 → 71234), by "YYYY-MM".
    public var rates: [Currency: [String: Int64]]

    public init(rates: [Currency: [String: Int64]] = [:]) { self.rates = rates }

    public static let scale: Int64 = 10_000

    /// A threshold could not be judged: the month has no rate for the currency. Named, never guessed.
    public struct MissingRate: Error, Equatable, Sendable {
        public var currency: Currency
        public var month: String

        public init(currency: Currency, month: String) {
            self.currency = currency
            self.month = month
        }
    }

    /// The amount in CNY at the month's rate, or the missing rate named: for thresholds in money
    /// (the major project, the response-clock tiers), which compare in CNY whatever the currency.
    public func requireCNY(_ money: Money, on date: CivilDate) throws(MissingRate) -> Money {
        guard let converted = cny(money, on: date) else { throw MissingRate(currency: money.currency, month: Self.month(of: date)) }
        return converted
    }

    public static func month(of date: CivilDate) -> String { String(date.description.prefix(7)) }

    /// The amount in CNY at the month's rate, rounded half up to the fen; nil when the month has
    /// no rate (a total then says which months are missing instead of guessing).
    public func cny(_ money: Money, on date: CivilDate) -> Money? {
        if money.currency == .cny { return money }
        guard let rate = rates[money.currency]?[Self.month(of: date)] else { return nil }
        let product = money.minorUnits.multipliedReportingOverflow(by: rate)
        guard !product.overflow else { return nil }
        let half = Self.scale / 2
        let value = product.partialValue >= 0 ? (product.partialValue + half) / Self.scale : (product.partialValue - half) / Self.scale
        return Money(minorUnits: value, currency: .cny)
    }

    /// The amount in another currency at the month's rates (through CNY: 1,000,000 EUR at 7.8 is
    /// 7,800,000 CNY, at 7.15 to the dollar 1,090,909.09 USD), half up; nil without a rate it needs.
    public func convert(_ money: Money, to currency: Currency, on date: CivilDate) -> Int64? {
        if money.currency == currency { return money.minorUnits }
        guard let cny = cny(money, on: date) else { return nil }
        if currency == .cny { return cny.minorUnits }
        guard let rate = rates[currency]?[Self.month(of: date)], rate > 0 else { return nil }
        // cny × 10,000 / rate, half up, at double width
        let (twice, _) = rate.dividingFullWidth(cny.minorUnits.multipliedFullWidth(by: Self.scale * 2))
        return (twice + 1) / 2
    }

    /// A ledger's total in CNY and in each foreign currency, with the months lacking a rate.
    public struct Total: Equatable, Sendable {
        public var cny: Money
        public var foreign: [Currency: Money]
        public var missingMonths: [String]
    }

    public func total(_ entries: [(money: Money, date: CivilDate)]) -> Total {
        var cny: Int64 = 0
        var foreign: [Currency: Int64] = [:]
        var missing = Set<String>()
        for entry in entries {
            if entry.money.currency != .cny { foreign[entry.money.currency, default: 0] += entry.money.minorUnits }
            if let converted = self.cny(entry.money, on: entry.date) {
                cny += converted.minorUnits
            } else {
                missing.insert("\(entry.money.currency.rawValue) \(Self.month(of: entry.date))")
            }
        }
        return Total(
            cny: Money(minorUnits: cny), foreign: foreign.reduce(into: [:]) { $0[$1.key] = Money(minorUnits: $1.value, currency: $1.key) },
            missingMonths: missing.sorted())
    }

    /// Parses a rate as typed ("7.1234") into ten-thousandths; nil for nonsense or a rate outside
    /// 0.0001…10000.
    public static func parseRate(_ raw: String) -> Int64? {
        guard let rate = FixedPoint.parse(raw, places: 4, maxWhole: 9_999), rate > 0 else { return nil }
        return rate
    }

    public static func rateText(_ rate: Int64) -> String {
        let fraction = String(rate % scale)
        return "\(rate / scale)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}
