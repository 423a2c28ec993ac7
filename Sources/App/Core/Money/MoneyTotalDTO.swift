import Domain
import Vapor

/// A total as the API answers it (lists' filtered sets): CNY at each month's rate, the foreign
/// part in its own currencies, and the months left out for want of a rate.
struct MoneyTotalDTO: Content {
    /// Everything convertible, in CNY.
    var cny: Money
    /// The foreign part in its own currencies (already inside `cny` where a rate exists).
    var foreign: [Money]
    /// "USD 2026-11": amounts left out of `cny` for want of that month's rate.
    var missingRates: [String]

    init(_ total: ExchangeRates.Total) {
        cny = total.cny
        foreign = total.foreign.values.sorted { $0.currency.rawValue < $1.currency.rawValue }
        missingRates = total.missingMonths
    }
}
