import Domain
import Testing

/// 双百双评 results with [003]'s series: the first three praised, the last criticised, ties by the
/// stated rule, a unit with fewer than five answers withheld — and the series' total withheld too
/// where it would give that one unit away; the ladder for last place over consecutive years.
@Suite("双百双评：结果、并列规则、样本不足、末位阶梯")
struct EvaluationResultsTests {
    typealias Tally = EvaluationResults.Tally

    @Test func theFirstThreeArePraisedAndTheLastCriticised() {
        // [003]: 19 window-service units, each rated by 200 people (100 entrepreneurs, 100 representatives)
        let units = (1...19).map { i in
            (unit: "u\(i)", name: "窗口单位\(i)", tally: Tally(satisfied: 200 - i * 5, basicallySatisfied: i * 3, dissatisfied: i * 2))
        }
        let series = EvaluationResults.series(units)
        #expect(series.lines.filter(\.praised).map(\.name) == ["窗口单位1", "窗口单位2", "窗口单位3"])
        #expect(series.lines.filter(\.criticised).map(\.name) == ["窗口单位19"])
        #expect(series.lines.compactMap(\.place) == Array(1...19))
        // 195 满意 and 3 基本满意 of 200: (195 + 1.5) / 200 = 98.3%
        #expect(series.lines[0].tally?.scorePermille == 983)
        #expect(series.total?.answers == 19 * 200)
    }

    @Test func tiesGoByTheStatedRule() {
        // the same score (100 + half of 20 = 110 of 120 … ) reached two ways
        let a = Tally(satisfied: 90, basicallySatisfied: 20, dissatisfied: 10)  // (90 + 10) / 120
        let b = Tally(satisfied: 95, basicallySatisfied: 10, dissatisfied: 15)  // (95 + 5) / 120
        #expect(a.scorePermille == b.scorePermille)
        let series = EvaluationResults.series([("a", "甲局", a), ("b", "乙局", b), ("c", "丙局", a)])
        // more 满意 first; then the same tallies by name (丙 < 甲 in Unicode order)
        #expect(series.lines.map(\.name) == ["乙局", "丙局", "甲局"])
        #expect(EvaluationResults.tieRule.contains("满意") && EvaluationResults.tieRule.contains("名称"))
        // …but the name only orders the page: 丙局 and 甲局 share second place, and both are last
        #expect(series.lines.map(\.place) == [1, 2, 2])
        #expect(series.lines.filter(\.criticised).map(\.name) == ["丙局", "甲局"])
        #expect(series.lines.filter(\.praised).map(\.name) == ["乙局"])
        // tied for third of four: both praised (并列第三)
        let four = EvaluationResults.series([
            ("a", "甲局", b), ("b", "乙局", b), ("c", "丙局", a), ("d", "丁局", a),
            ("e", "戊局", Tally(satisfied: 1, basicallySatisfied: 9, dissatisfied: 110)),
        ])
        #expect(four.lines.map(\.place) == [1, 1, 3, 3, 5] && four.lines.filter(\.praised).count == 4)
        #expect(four.lines.filter(\.criticised).map(\.name) == ["戊局"])
        // all alike: nobody is last
        let alike = EvaluationResults.series([("a", "甲局", a), ("b", "乙局", a), ("c", "丙局", a)])
        #expect(alike.lines.allSatisfy { $0.place == 1 && !$0.criticised })
    }

    @Test func tooFewAnswersAreWithheldAndCannotBeWorkedOutFromTheTotal() {
        let full = Tally(satisfied: 10, basicallySatisfied: 5, dissatisfied: 5)
        let few = Tally(satisfied: 3, basicallySatisfied: 1, dissatisfied: 0)
        var series = EvaluationResults.series([("a", "甲局", full), ("b", "乙局", full), ("c", "丙局", few)])
        let withheld = series.lines.first { $0.unit == "c" }
        #expect(withheld?.tally == nil && withheld?.place == nil && withheld?.criticised == false)
        // the one withheld unit would be the total less the two shown: the total is withheld too
        #expect(series.total == nil)
        // two withheld: neither can be told apart from the total, which is published (shown units only)
        series = EvaluationResults.series([("a", "甲局", full), ("b", "乙局", full), ("c", "丙局", few), ("d", "丁局", few)])
        #expect(series.total == Tally(satisfied: 20, basicallySatisfied: 10, dissatisfied: 10))
        // a configurable minimum: with 3, the unit of four answers is shown
        #expect(EvaluationResults.series([("c", "丙局", few)], minimumAnswers: 3).lines[0].tally == few)
    }

    @Test func lastPlaceClimbsTheLadderOverConsecutiveYears() {
        #expect(EvaluationResults.step(lastIn: [2024], year: 2024) == .writtenSelfCriticism)
        #expect(EvaluationResults.step(lastIn: [2023, 2024], year: 2024) == .televisedSelfCriticism)
        #expect(EvaluationResults.step(lastIn: [2022, 2023, 2024], year: 2024) == .headResigns)
        #expect(EvaluationResults.step(lastIn: [2020, 2021, 2022, 2023, 2024], year: 2024) == .headResigns)
        // not consecutive: starts again
        #expect(EvaluationResults.step(lastIn: [2022, 2024], year: 2024) == .writtenSelfCriticism)
        #expect(EvaluationResults.step(lastIn: [2023], year: 2024) == nil)
        #expect(EvaluationResults.Step.headResigns.label == "单位主要负责人引咎辞职")
    }
}
