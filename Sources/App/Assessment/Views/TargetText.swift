import Domain

/// Targets and results the way a bureau writes them: in prose 2.5亿元 or 12 个; in a table one
/// unit per money column (`AmountColumn`, stated in the header); typed in 万元 (万美元 for foreign
/// funds) unless the figure says its own unit ("2.5亿" is read as written, `ChineseAmount.parse`).
enum TargetText {
    typealias Measure = ScoreFormula.Measure

    static func amount(_ value: Int64, _ measure: Measure) -> String {
        switch measure.kind {
        case .money(let currency): ChineseAmount.format(Money(minorUnits: value, currency: currency))
        case .count: "\(value) 个"
        }
    }

    /// The column for a measure's figures: the unit that reads best for money, none for counts.
    static func column(_ measure: Measure, _ values: [Int64]) -> AmountColumn? {
        guard case .money(let currency) = measure.kind else { return nil }
        return AmountColumn.fitting(values.map { Money(minorUnits: $0, currency: currency) }, currency: currency)
    }

    /// A header with its unit: "合同投资额（亿元）", "签约项目数（个）".
    static func header(_ measure: Measure, _ column: AmountColumn?) -> String {
        "\(measure.label)（\(column?.unit ?? "个")）"
    }

    /// A cell in the column's unit (a count as it is).
    static func cell(_ value: Int64, _ measure: Measure, _ column: AmountColumn?) -> String {
        guard let column, case .money(let currency) = measure.kind else { return "\(value)" }
        return column.cell(Money(minorUnits: value, currency: currency))
    }

    /// The column a form asks in: 万元 or 万美元.
    static func inputColumn(_ measure: Measure) -> AmountColumn? {
        guard case .money(let currency) = measure.kind else { return nil }
        return AmountColumn(scale: .wan, currency: currency)
    }

    /// A figure as typed: money in 万 unless it names its unit, counts whole; nil for nonsense (a
    /// negative sign included — the form says so in words).
    static func parse(_ raw: String, _ measure: Measure) -> Int64? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard case .money(let currency) = measure.kind else {
            return Int64(text).flatMap { $0 >= 0 && $0 <= 1_000_000 ? $0 : nil }
        }
        // a bare number is in 万 (亿 and 万 are numerals to Unicode: only ASCII digits count here)
        let written = text.last.map { ("0"..."9").contains($0) } == true ? text + "万" : text
        return (try? ChineseAmount.parse(written, currency: currency))?.minorUnits
    }

    /// A figure for the form, in the form's unit.
    static func input(_ value: Int64?, _ measure: Measure) -> String {
        guard let value else { return "" }
        return cell(value, measure, inputColumn(measure))
    }
}
