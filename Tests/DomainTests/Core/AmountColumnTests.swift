import Testing

@testable import Domain

@Suite("金额列：一列一个单位")
struct AmountColumnTests {
    @Test func aColumnOfCountyProjectsReadsInWanWithTwoDecimals() {
        // 1273.75万元 and a 4.2458亿元 project in one column: one unit, the eye compares digits
        let amounts = [Money.major(12_737_500), Money.major(424_580_000), Money.major(5_000_000)]
        let column = AmountColumn.fitting(amounts)
        #expect(column.scale == .wan)
        #expect(column.unit == "万元")
        #expect(amounts.map(column.cell) == ["1,273.75", "42,458.00", "500.00"])
    }

    @Test func aColumnOfMajorProjectsReadsInYi() {
        // seed [004]: 合同投资额29.14亿元 and 到位资金4.389亿元 side by side, with a 5000万元 project
        let amounts = [Money.major(2_914_000_000), Money.major(438_900_000), Money.major(50_000_000)]
        let column = AmountColumn.fitting(amounts)
        #expect(column.unit == "亿元")
        // at most two decimals, rounded half up: 4.389 → 4.39
        #expect(amounts.map(column.cell) == ["29.14", "4.39", "0.50"])
        // seed [000]: 841亿元 groups its thousands only from 1,000亿
        #expect(column.cell(.major(84_100_000_000)) == "841.00")
        #expect(column.cell(.major(184_100_000_000)) == "1,841.00")
    }

    @Test func roundingIsHalfUpAtTheSecondDecimalAndExact() {
        let wan = AmountColumn(scale: .wan)
        #expect(wan.cell(Money(minorUnits: 12_345_50)) == "1.23")  // 12,345.50元 = 1.23455万 → 1.23
        #expect(wan.cell(Money(minorUnits: 12_350_00)) == "1.24")  // 1.235万 → 1.24
        #expect(wan.cell(Money(minorUnits: 0)) == "0.00")
        #expect(wan.cell(.major(-5_000_000)) == "-500.00")
        #expect(wan.cell(Money(minorUnits: -1)) == "0.00")  // no "-0.00"
        // a sum as large as an Int64 holds is written without overflowing
        #expect(AmountColumn(scale: .yi).cell(Money(minorUnits: Int64.max)) == "922,337,203.69")
    }

    @Test func anotherCurrencyIsNeverScaledSilently() {
        let column = AmountColumn(scale: .wan)
        // 1.5亿日元 in a 万元 column is written whole, with its unit
        #expect(column.cell(Money(minorUnits: 150_000_000 * 100, currency: .jpy)) == "1.5亿日元")
        let dollars = AmountColumn.fitting([Money(minorUnits: 90_000_000 * 100, currency: .usd)], currency: .usd)
        #expect(dollars.unit == "万美元")
        #expect(dollars.cell(Money(minorUnits: 90_000_000 * 100, currency: .usd)) == "9,000.00")
    }

    @Test func anEmptyColumnIsInWan() {
        #expect(AmountColumn.fitting([]).unit == "万元")
    }
}
