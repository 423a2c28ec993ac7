import Testing

@testable import Domain

@Suite("招商企业占比")
struct AttractedShareTests {
    @Test func seedFiguresOfAnqing() {
        // seed [001]: 49.2% of above-scale firms, 73.7% of output, 70.9% of revenue, 89.6% of
        // profit, 70.2% of tax — as totals in 万元 for 1,000 firms
        let attracted = AttractedShare.Totals(count: 492, output: 7_370_000, revenue: 7_090_000, profit: 896_000, tax: 351_000)
        let others = AttractedShare.Totals(count: 508, output: 2_630_000, revenue: 2_910_000, profit: 104_000, tax: 149_000)
        let shares = AttractedShare.shares(attracted: attracted, others: others)
        let texts = AttractedShare.Measure.allCases.map { AttractedShare.percentText(shares[$0] ?? nil) }
        #expect(texts == ["49.2%", "73.7%", "70.9%", "89.6%", "70.2%"])
    }

    @Test func roundsHalfUpToATenth() {
        // 1 of 8 = 12.5%; 1 of 3 = 33.33…% → 33.3%; 2 of 3 = 66.66…% → 66.7%
        let eighth = AttractedShare.shares(attracted: .init(count: 1), others: .init(count: 7))[.count] ?? nil
        let third = AttractedShare.shares(attracted: .init(count: 1), others: .init(count: 2))[.count] ?? nil
        let twoThirds = AttractedShare.shares(attracted: .init(count: 2), others: .init(count: 1))[.count] ?? nil
        #expect([eighth, third, twoThirds] == [125, 333, 667])
    }

    @Test func noShareOfNothingOrOfALoss() {
        let shares = AttractedShare.shares(attracted: .init(count: 1, profit: 50), others: .init(count: 1, profit: -80))
        #expect(shares[.output] ?? 0 == nil)
        #expect(shares[.profit] ?? 0 == nil)
        #expect(AttractedShare.percentText(nil) == "—")
    }
}
