import Testing

@testable import Domain

/// The assessment's rules with the seeds' numbers: 序时进度, the year-end seats of [000], the
/// credit split of a project's result, the formula and the ranking's stated tie rule.
@Suite("考核规则：序时进度、年终座次、分成、得分与排名")
struct AssessmentRulesTests {
    static func day(_ text: String) -> CivilDate { CivilDate(text)! }
    static func yi(_ value: Double) -> Money { Money(minorUnits: Int64(value * 10_000_000_000)) }

    @Test func theCalendarShareIsCountedByDaysLeapYearsIncluded() {
        #expect(CalendarProgress.elapsed(on: Self.day("2026-11-27")) == (331, 365))
        #expect(Percent.text(CalendarProgress.permille(on: Self.day("2026-11-27"))) == "90.7%")
        #expect(CalendarProgress.elapsed(on: Self.day("2024-12-31")) == (366, 366))
        #expect(CalendarProgress.elapsed(on: Self.day("2024-03-01")) == (61, 366))
        #expect(CalendarProgress.elapsed(on: Self.day("2026-01-01")) == (1, 365))
        #expect(Percent.text(CalendarProgress.permille(on: Self.day("2026-06-30"))) == "49.6%")
    }

    @Test func aUnitAt45PercentOnJune30KeepsPace() {
        let target: Int64 = 25_000_000_000  // 2.5亿元, the 农机局's yearly task [000]
        let june30 = Self.day("2026-06-30")
        #expect(CalendarProgress.pace(done: target * 45 / 100, target: target, on: june30) == .onPace)
        #expect(CalendarProgress.pace(done: target * 50 / 100, target: target, on: june30) == .ahead)
        #expect(CalendarProgress.pace(done: target * 40 / 100, target: target, on: june30) == .behind)
        // the same day of a leap year is one day further into its year
        #expect(CalendarProgress.elapsed(on: Self.day("2024-06-30")) == (182, 366))
        // no target, no pace
        #expect(CalendarProgress.pace(done: 1, target: 0, on: june30) == nil)
        // a province's sums in fen still compare exactly, one fen either side of the calendar's share
        let year: Int64 = 365_000_000_000_000_000  // 181 of 365 days by 30 June
        #expect(CalendarProgress.pace(done: 181_000_000_000_000_000, target: year, on: june30) == .ahead)
        #expect(CalendarProgress.pace(done: 181_000_000_000_000_000 - 1, target: year, on: june30) == .onPace)
        // 5 points below exactly still keeps pace; a fen further is behind
        let floor: Int64 = 181_000_000_000_000_000 - year / 20
        #expect(CalendarProgress.pace(done: floor, target: year, on: june30) == .onPace)
        #expect(CalendarProgress.pace(done: floor - 1, target: year, on: june30) == .behind)
        #expect(Achievement.permille(Int64.max, of: 1) == 1_000_000_000 && Achievement.permille(2, of: 3) == 667)
    }

    @Test func seed000SeatsTheUnitsByWhatWasVerified() throws {
        let target = Self.yi(2.5).minorUnits
        func seat(_ done: Money, signings: Int, negotiating: Int, rules: YearEndSeat.Rules = .init()) -> YearEndSeat {
            YearEndSeat.seat(
                .init(done: done.minorUnits, target: target, verifiedSignings: signings, negotiating: negotiating), rules: rules)
        }
        // 2016: 5亿元 signed and verified, twice the task → 完成席
        #expect(seat(Self.yi(5), signings: 3, negotiating: 0) == .completed)
        #expect(seat(Self.yi(1.2), signings: 1, negotiating: 2) == .signed)
        #expect(seat(Self.yi(0), signings: 0, negotiating: 2) == .intent)
        // 2015: nothing → 零效果席, award eligibility and the 7,000 元 bonus lost, a talk with the leadership
        #expect(seat(Self.yi(0), signings: 0, negotiating: 0) == .zeroEffect)
        let consequence = try #require(YearEndSeat.Rules().consequences[.zeroEffect])
        #expect(
            !consequence.awardEligible && consequence.bonusWithheldPerPerson == Money(minorUnits: 700_000) && consequence.leadershipTalk)
        #expect(YearEndSeat.Rules().consequences[.completed] == nil)
        // a unit of 12 people on 零效果席 loses 8.4万元 of bonus in all
        #expect(YearEndSeat.bonusWithheld(consequence, staff: 12) == Money(minorUnits: 8_400_000))
        #expect(YearEndSeat.bonusWithheld(nil, staff: 12) == Money(minorUnits: 0))
        // exactly the target is met; a bureau may ask 110% for 完成席
        #expect(seat(Self.yi(2.5), signings: 1, negotiating: 0) == .completed)
        #expect(seat(Self.yi(2.5), signings: 1, negotiating: 0, rules: .init(completionPermille: 1100)) == .signed)
        // 意向席 may need more than one project in talks
        #expect(seat(Self.yi(0), signings: 0, negotiating: 2, rules: .init(negotiatingForIntent: 3)) == .zeroEffect)
        // without a target nobody sits in 完成席, however much was signed
        #expect(YearEndSeat.seat(.init(done: Self.yi(5).minorUnits, target: nil, verifiedSignings: 2, negotiating: 0)) == .signed)
        // the bureau may let the count of signed projects decide: 3 signed of a target of 3
        let byCount = YearEndSeat.Rules(measure: .projectsSigned)
        #expect(YearEndSeat.seat(.init(done: 3, target: 3, verifiedSignings: 3, negotiating: 0), rules: byCount) == .completed)
    }

    @Test func theYearsRulesAreRefusedOutsideTheirRanges() {
        #expect(YearEndSeat.Rules().problems().isEmpty)
        #expect(YearEndSeat.Rules(measure: .satisfaction).problems() == [.measureNotTargeted])
        #expect(YearEndSeat.Rules(completionPermille: 300).problems() == [.completionOutOfRange])
        #expect(YearEndSeat.Rules(negotiatingForIntent: 0).problems() == [.negotiatingOutOfRange])
        let yen = YearEndSeat.Consequence(bonusWithheldPerPerson: Money(minorUnits: 700_000, currency: .jpy))
        #expect(YearEndSeat.Rules(consequences: [.signed: yen]).problems() == [.bonusOutOfRange(.signed)])
        let negative = YearEndSeat.Consequence(bonusWithheldPerPerson: Money(minorUnits: -1))
        #expect(YearEndSeat.Rules(consequences: [.zeroEffect: negative]).problems() == [.bonusOutOfRange(.zeroEffect)])
    }

    @Test func aProjectsResultIsCreditedByItsSharesToTheFen() {
        // 5亿元 at 60/40: 3亿 and 2亿
        #expect(CreditSplit.apportion(50_000_000_000, basisPoints: [6000, 4000]) == [30_000_000_000, 20_000_000_000])
        // an odd amount: the parts sum to the whole, no fen lost or invented
        let parts = CreditSplit.apportion(1_000_000_001, basisPoints: [3333, 3333, 3334])
        #expect(parts.reduce(0, +) == 1_000_000_001 && parts == [333_300_001, 333_300_000, 333_400_000])
    }

    @Test func aFormulaMustWeigh100AndExplainsEveryPoint() throws {
        #expect(throws: ScoreFormula.Problem.weightsNot100(90)) {
            try ScoreFormula(weights: [.contractInvestment: 50, .fundsDomestic: 40])
        }
        #expect(throws: ScoreFormula.Problem.negative) { try ScoreFormula(weights: [.contractInvestment: 110, .satisfaction: -10]) }
        // [002] puts satisfaction first: 40 points, then contract 30, funds 30; a late work order costs 1
        let formula = try ScoreFormula(
            weights: [.satisfaction: 40, .contractInvestment: 30, .fundsDomestic: 30], deductions: [.lateWorkOrder: 1, .falseData: 5])
        let score = formula.score(
            results: [.contractInvestment: (50_000_000_000, 25_000_000_000), .fundsDomestic: (43_890_000_000, 100_000_000_000)],
            satisfactionPermille: 925, found: [.lateWorkOrder: 2])
        // contract 200% capped at 120% → 36.00; funds 43.89% → 13.17; satisfaction 92.5% → 37.00; 2 late → −2.00
        let byMeasure = Dictionary(uniqueKeysWithValues: score.lines.compactMap { line in line.measure.map { ($0, line.centipoints) } })
        #expect(byMeasure == [.contractInvestment: 3600, .fundsDomestic: 1317, .satisfaction: 3700])
        #expect(score.lines.last == .init(measure: nil, deduction: .lateWorkOrder, achievedPermille: nil, count: 2, centipoints: -200))
        #expect(score.centipoints == 8417 && score.resultsCentipoints == 4917)
        // the deductions together (no falseData found: no line of it counts)
        #expect(score.deductedCentipoints == -200)
    }

    @Test func tiesAreBrokenByTheStatedRule() throws {
        let formula = try ScoreFormula(weights: [.contractInvestment: 60, .satisfaction: 40])
        func entry(_ name: String, contract: Int64, satisfaction: Int64, met: String?) -> Ranking.Entry {
            Ranking.Entry(
                unit: name, name: name,
                score: formula.score(results: [.contractInvestment: (contract, 100)], satisfactionPermille: satisfaction, found: [:]),
                targetMetOn: met.map(Self.day))
        }
        // 农机局 and 商务局 both 100.00; 农机局 by results; 经信局 and 科技局 equal in all but the day met
        let ranked = Ranking.rank([
            entry("科技局", contract: 100, satisfaction: 1000, met: "2026-10-08"),
            entry("商务局", contract: 100, satisfaction: 1000, met: "2026-09-01"),
            entry("经信局", contract: 100, satisfaction: 1000, met: "2026-06-30"),
            entry("农机局", contract: 120, satisfaction: 700, met: "2026-08-01"),
        ])
        #expect(ranked.map(\.entry.name) == ["农机局", "经信局", "商务局", "科技局"])
        #expect(ranked.map(\.place) == [1, 2, 3, 4])
        #expect(Ranking.tieRule.contains("实绩得分高者在前"))
        // equal in everything the rule looks at: one place shared, the name only orders the page
        let tied = Ranking.rank([
            entry("科技局", contract: 0, satisfaction: 0, met: nil), entry("商务局", contract: 100, satisfaction: 1000, met: nil),
            entry("经信局", contract: 0, satisfaction: 0, met: nil),
        ])
        #expect(tied.map(\.entry.name) == ["商务局", "科技局", "经信局"] && tied.map(\.place) == [1, 2, 2])
    }
}
