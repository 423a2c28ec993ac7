/// The share of attracted enterprises (招商企业) among above-scale firms, as seed [001] reads it
/// out: 49.2% of the firms by count, but 73.7% of output, 70.9% of revenue, 89.6% of profit and
/// 70.2% of tax.
public enum AttractedShare {
    public struct Totals: Equatable, Sendable {
        public var count: Int64
        public var output: Int64
        public var revenue: Int64
        public var profit: Int64
        public var tax: Int64

        public init(count: Int64 = 0, output: Int64 = 0, revenue: Int64 = 0, profit: Int64 = 0, tax: Int64 = 0) {
            self.count = count
            self.output = output
            self.revenue = revenue
            self.profit = profit
            self.tax = tax
        }

        public static func + (a: Totals, b: Totals) -> Totals {
            Totals(
                count: a.count + b.count, output: a.output + b.output, revenue: a.revenue + b.revenue,
                profit: a.profit + b.profit, tax: a.tax + b.tax)
        }
    }

    public enum Measure: String, CaseIterable, Sendable { case count, output, revenue, profit, tax }

    /// Per measure, the attracted part of the whole in tenths of a percent (737 = 73.7%), rounded
    /// half up; nil where the whole is zero or negative (a loss year has no meaningful share).
    public static func shares(attracted: Totals, others: Totals) -> [Measure: Int64?] {
        let all = attracted + others
        let permille = Percent.permille
        return [
            .count: permille(attracted.count, all.count), .output: permille(attracted.output, all.output),
            .revenue: permille(attracted.revenue, all.revenue), .profit: permille(attracted.profit, all.profit),
            .tax: permille(attracted.tax, all.tax),
        ]
    }

    /// 737 → "73.7%".
    public static func percentText(_ permille: Int64?) -> String { Percent.text(permille) }
}
