import Domain
import Vapor

/// An amount in the API: integer minor units and an ISO 4217 code, never a float.
struct MoneyBody: Content {
    var minorUnits: Int64
    var currency: String

    func money(field: String) throws -> Money {
        guard let currency = Currency(rawValue: currency), (0...ChineseAmount.maximumMinorUnits).contains(minorUnits) else {
            throw AppError.field(
                field, zh: "金额为 0 至 1万亿元的整数分值，币种为 ISO 4217 代码。", en: "\(field): minorUnits 0…10^14 and an ISO 4217 currency.")
        }
        return Money(minorUnits: minorUnits, currency: currency)
    }
}

/// Amounts and quantities typed on forms ("5000万", "12.5" 亩): the messages every room shows.
enum MoneyInput {
    static func amountError(_ error: ChineseAmount.ParseError) -> AppError.Message {
        switch error {
        case .empty, .notANumber:
            .init(zh: "金额格式不正确，可写作 5000万、29.14亿 或 7000。", en: "Amount not understood; write e.g. 5000万, 29.14亿 or 7000.")
        case .tooManyDecimals: .init(zh: "金额最多精确到分。", en: "Amounts are exact to the fen.")
        case .outOfRange: .init(zh: "金额超出范围（上限 1万亿元），请核对单位。", en: "Amount out of range.")
        }
    }

    /// Tenths of a unit (亩 with one decimal); an empty field is 0, anything else unparsable is nil.
    static func tenths(_ text: String?) -> Int? {
        let value = (text ?? "").trimmingCharacters(in: .whitespaces)
        if value.isEmpty { return 0 }
        return FixedPoint.parse(value, places: 1, maxWhole: 1_000_000).map { Int($0) }
    }

    /// An amount as typed ("29.14亿"), or nil when left empty.
    static func amount(_ raw: String?, currency: Currency, field: String) throws -> Money? {
        guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        do { return try ChineseAmount.parse(raw, currency: currency) } catch {
            throw AppError.validation([field: MoneyInput.amountError(error)])
        }
    }

    /// A threshold in money could not be judged for want of the month's rate: say which, on the
    /// field that carries the amount; the bureau keeps the rate table.
    static func missingRate(_ missing: ExchangeRates.MissingRate, field: String) -> AppError {
        AppError.field(
            field,
            zh: "缺少 \(missing.month) 的\(missing.currency.unitWord)（\(missing.currency.rawValue)）汇率，无法按人民币判定金额档次；请投促局先在汇率表登记该月汇率。",
            en:
                "No \(missing.currency.rawValue) rate for \(missing.month): the amount cannot be judged in CNY; the bureau records the rate first."
        )
    }
}
