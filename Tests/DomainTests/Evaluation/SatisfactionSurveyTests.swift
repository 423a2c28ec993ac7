import Domain
import Testing

/// 企业满意度月评 [002]: the 18 indicators with their 指标长, the months a survey may be run for, a
/// month's places with the withheld and the lowest (ties listed whole), the trend, and the year's
/// figure the assessment scores.
@Suite("满意度月评：18 项指标、可开月份、靠后单位、样本不足、走势与年度满意度")
struct SatisfactionSurveyTests {
    typealias Tally = EvaluationResults.Tally
    typealias UnitMonth = SatisfactionSurvey.UnitMonth

    @Test func eighteenIndicatorsEachWithItsNumber() {
        // [002]: "分管18个指标的县领导成为指标长"
        #expect(BusinessIndicator.allCases.count == 18)
        #expect(Set(BusinessIndicator.allCases.map(\.label)).count == 18)
        #expect(BusinessIndicator.startingBusiness.number == 1 && BusinessIndicator.inclusiveInnovation.number == 18)
        #expect(BusinessIndicator.payingTaxes.label == "纳税")
    }

    @Test func aMonthOpensFromJanuaryLastYearThroughNextMonth() {
        let today = CivilDate(year: 2026, month: 11, day: 27)!
        #expect(SatisfactionSurvey.allows(year: 2026, month: 11, today: today))
        #expect(SatisfactionSurvey.allows(year: 2026, month: 12, today: today))
        #expect(SatisfactionSurvey.allows(year: 2025, month: 1, today: today))
        #expect(!SatisfactionSurvey.allows(year: 2027, month: 1, today: today))
        #expect(!SatisfactionSurvey.allows(year: 2024, month: 12, today: today))
        #expect(!SatisfactionSurvey.allows(year: 2022, month: 4, today: today))
        #expect(!SatisfactionSurvey.allows(year: 2026, month: 13, today: today))
        #expect(!SatisfactionSurvey.allows(year: 2026, month: 0, today: today))
        let december = CivilDate(year: 2026, month: 12, day: 3)!
        #expect(SatisfactionSurvey.allows(year: 2027, month: 1, today: december))
        #expect(!SatisfactionSurvey.allows(year: 2027, month: 2, today: december))
    }

    /// The fuzzer's year 1129569750034846464 once overflowed `year * 12` and stopped the server.
    @Test func aYearFarOutOfRangeIsRefusedWithoutArithmetic() {
        let today = CivilDate(year: 2026, month: 11, day: 27)!
        for year in [1_129_569_750_034_846_464, Int.max, Int.min, -2026] {
            #expect(!SatisfactionSurvey.allows(year: year, month: 11, today: today))
        }
    }

    static func unit(_ name: String, _ s: Int, _ b: Int, _ d: Int, respondents: Int = 30) -> UnitMonth {
        UnitMonth(unit: name, name: name, tally: Tally(satisfied: s, basicallySatisfied: b, dissatisfied: d), respondents: respondents)
    }

    @Test func theLowestThreeAreListedAndATiedPlaceWhole() {
        // a month of 30 enterprises: seven units, the last two tied
        let units = [
            Self.unit("政务服务中心", 28, 2, 0), Self.unit("供电公司", 24, 4, 2), Self.unit("市场监管局", 20, 6, 4), Self.unit("住建局", 18, 6, 6),
            Self.unit("税务局", 12, 8, 10), Self.unit("自然资源局", 10, 10, 10), Self.unit("生态环境局", 10, 10, 10),
        ]
        let (lines, lowest) = SatisfactionSurvey.month(units, minimumAnswers: 5)
        #expect(lines.compactMap(\.place) == [1, 2, 3, 4, 5, 6, 6])
        // a third of seven: the two lowest places' units — 自然资源局 and 生态环境局, (10 + 5) / 30 =
        // 50.0%, sharing sixth; 税务局's (12 + 4) / 30 = 53.3% has two below it
        #expect(SatisfactionSurvey.lowestListed(of: 7) == 2)
        #expect(lowest.map(\.name) == ["生态环境局", "自然资源局"])
        #expect(lowest.map(\.tally?.scorePermille) == [500, 500])
        // ten units (the demo's): three listed; two: the last only; one: itself is no "lowest" of anything
        #expect([10, 2, 30].map(SatisfactionSurvey.lowestListed(of:)) == [3, 1, 3])
        // three tied for the last place: all three listed, and the one above them is not
        var tiedThree = units
        tiedThree[4] = Self.unit("税务局", 10, 10, 10)
        let three = SatisfactionSurvey.month(tiedThree, minimumAnswers: 5).lowest
        #expect(Set(three.map(\.name)) == ["税务局", "自然资源局", "生态环境局"])
        // every unit tied: nobody is lowest
        let even = SatisfactionSurvey.month(units.map { Self.unit($0.name, 10, 10, 10) }, minimumAnswers: 5)
        #expect(even.lowest.isEmpty && Set(even.lines.compactMap(\.place)) == [1])
    }

    @Test func aUnitRatedByTooFewEnterprisesIsWithheldHoweverManyItsIndicators() {
        // four enterprises rated a unit answering for three indicators: twelve answers, four people
        let few = Self.unit("市场监管局", 8, 2, 2, respondents: 4)
        let (lines, lowest) = SatisfactionSurvey.month(
            [Self.unit("税务局", 12, 8, 10), few, Self.unit("政务服务中心", 28, 2, 0)], minimumAnswers: 5)
        let withheld = lines.first { $0.name == "市场监管局" }
        #expect(withheld?.tally == nil && withheld?.place == nil)
        #expect(!lowest.contains { $0.name == "市场监管局" })
        #expect(SatisfactionSurvey.trend([(1, few), (2, Self.unit("市场监管局", 20, 6, 4))], minimumAnswers: 5) == [2: 767])
    }

    @Test func theYearsSatisfactionIsEveryClosedMonthsAnswersTogether() {
        // October 27 满意 of 30, November 13 满意 2 基本满意 of 20: (40 + 1) / 50 = 82.0%
        let year = SatisfactionSurvey.year([(Self.unit("u", 27, 0, 3), 5), (Self.unit("u", 13, 2, 5, respondents: 20), 5)])
        #expect(year == 820)
        #expect(SatisfactionSurvey.year([(Self.unit("u", 2, 0, 1, respondents: 3), 5)]) == nil)
        #expect(SatisfactionSurvey.year([]) == nil)
        // the strictest month decides: 8 enterprises pass a minimum of 5, not one of 10
        let eight = [(Self.unit("u", 3, 0, 1, respondents: 4), 5), (Self.unit("u", 3, 0, 1, respondents: 4), 10)]
        #expect(SatisfactionSurvey.year(eight) == nil)
        #expect(SatisfactionSurvey.year(eight.map { ($0.0, 5) }) == 750)
    }

    /// [002]: "考核工作先看企业满意度" — the surveys first, the work orders where they rated too seldom.
    @Test func theAssessmentLooksAtTheEnterprisesFirst() {
        #expect(ScoreFormula.satisfaction(surveys: 820, workOrders: 950) == 820)
        #expect(ScoreFormula.satisfaction(surveys: nil, workOrders: 950) == 950)
        #expect(ScoreFormula.satisfaction(surveys: nil, workOrders: nil) == nil)
    }

    /// A unit answering for three indicators, rated by four enterprises: twelve answers, still four
    /// people — withheld under a minimum of five; an indicator of two units reads both together.
    @Test func aUnitsMonthCountsEnterprisesNotAnswers() {
        typealias Cell = SatisfactionSurvey.Cell
        let cells = [
            Cell(indicator: .startingBusiness, unit: "m", name: "市场监管局", tally: .init(satisfied: 3, dissatisfied: 1)),
            Cell(indicator: .startingBusiness, unit: "c", name: "政务服务中心", tally: .init(satisfied: 6)),
            Cell(indicator: .protectingInvestors, unit: "m", name: "市场监管局", tally: .init(satisfied: 2, basicallySatisfied: 2)),
            Cell(
                indicator: .marketRegulation, unit: "m", name: "市场监管局", tally: .init(satisfied: 1, basicallySatisfied: 1, dissatisfied: 2)),
        ]
        let units = SatisfactionSurvey.unitMonths(cells)
        #expect(units.map(\.name) == ["市场监管局", "政务服务中心"])
        #expect(units[0].tally == .init(satisfied: 6, basicallySatisfied: 3, dissatisfied: 3) && units[0].respondents == 4)
        #expect(!SatisfactionSurvey.published(units[0], minimumAnswers: 5) && SatisfactionSurvey.published(units[1], minimumAnswers: 5))
        let indicators = SatisfactionSurvey.indicatorMonths(cells)
        #expect(indicators.map(\.indicator) == [.startingBusiness, .protectingInvestors, .marketRegulation])
        // 开办企业: (3 + 6) 满意 of 10 answers, six enterprises at least
        #expect(indicators[0].month.tally.scorePermille == 900 && indicators[0].month.respondents == 6)
    }
}

/// Who heads a unit, from the posts of its people: the 流动红旗 unit's head the bureau confirms.
@Suite("单位主要负责人：由职务判断")
struct UnitHeadTests {
    @Test func aHeadsPostNamesAHeadAndNoDeputy() {
        #expect(UnitHead.isHead(post: "局长") && UnitHead.isHead(post: "党组书记、主任") && UnitHead.isHead(post: "镇党委书记"))
        #expect(!UnitHead.isHead(post: "副局长") && !UnitHead.isHead(post: "副主任") && !UnitHead.isHead(post: "主任科员"))
        #expect(!UnitHead.isHead(post: "科员") && !UnitHead.isHead(post: ""))
        #expect(UnitHead.pick([(1, "副主任"), (2, "主任科员"), (3, "主任"), (4, "局长")]) == 3)
        #expect(UnitHead.pick([(1, "科员")]) == nil)
    }
}
