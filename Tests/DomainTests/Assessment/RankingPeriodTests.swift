import Domain
import Testing

/// 排名的期次, the standard formula, and the two facts a ranking reads beyond progress: the
/// projects not started on time and the day a target was met.
@Suite("排名期次、默认公式、未按期开工、完成目标之日")
struct RankingPeriodTests {
    static func day(_ text: String) -> CivilDate { CivilDate(text)! }

    @Test func aPeriodIsAMonthOrTheYearAndIsPublishedOnceOver() throws {
        let october = try #require(RankingPeriod("2026-10"))
        #expect(october.through == Self.day("2026-10-31") && october.label == "2026 年 10 月" && october.description == "2026-10")
        #expect(try #require(RankingPeriod("2024-02")).through == Self.day("2024-02-29"))
        let year = try #require(RankingPeriod("2026"))
        #expect(year.through == Self.day("2026-12-31") && year.label == "2026 年年终")
        // a document's title writes them without spaces
        #expect(october.documentLabel == "2026年10月" && year.documentLabel == "2026年度")
        // a year whose last day no calendar date holds (past 2200) is no period, so `through` never fails
        #expect(try #require(RankingPeriod("2199-12")).through == Self.day("2199-12-31"))
        for bad in ["2026-13", "2026-1", "26-10", "2026-10-01", "二〇二六", "2026-\u{0301}1", "", "2200", "2500-12", "9999", "1999"] {
            #expect(RankingPeriod(bad) == nil, "\(bad)")
        }
        // October is over on 1 November; the year from 1 December
        #expect(!october.isOver(on: Self.day("2026-10-31")) && october.isOver(on: Self.day("2026-11-01")))
        #expect(!year.isOver(on: Self.day("2026-11-30")) && year.isOver(on: Self.day("2026-12-01")))
        #expect(
            RankingPeriod.offered(year: 2026, today: Self.day("2026-11-27")).map(\.description) == (1...10).map {
                $0 < 10 ? "2026-0\($0)" : "2026-\($0)"
            } + ["2026"])
    }

    @Test func theStandardFormulaWeighs100() {
        #expect(ScoreFormula.standard.weights.values.reduce(0, +) == 100)
        #expect(ScoreFormula.standard.weights[.satisfaction] == 20 && ScoreFormula.standard.deductions[.lateWorkOrder] == 1)
    }

    @Test func aSigningNotStartedWithinHalfAYearIsDeductedFromEverySharingUnit() {
        let shares: [CreditedResults.Share] = [
            .init(unit: "农机局", person: "王", basisPoints: 6000), .init(unit: "商务局", person: "李", basisPoints: 4000),
        ]
        func project(_ id: String, signed: String, _ reports: [(ProjectStage, String)]) -> CreditedResults.Project {
            let all = [(ProjectStage.signed, signed)] + reports
            return CreditedResults.Project(
                id: id, shares: shares, signing: .init(on: Self.day(signed), contract: Money(minorUnits: 100)), startedOn: nil,
                producingOn: nil,
                verifiedReports: all.map { .init(to: $0.0, on: Self.day($0.1), verified: true) })
        }
        let date = Self.day("2026-10-31")
        let projects = [
            project("late", signed: "2026-03-02", []),  // 243 days, not started
            project("recent", signed: "2026-06-01", []),  // 152 days: not yet due
            project("started", signed: "2026-01-05", [(.started, "2026-05-01")]),
            project("startedAfter", signed: "2026-01-05", [(.started, "2026-11-05")]),  // not started by 31 October
            project("held", signed: "2026-01-05", [(.onHold, "2026-04-01")]),
            project("old", signed: "2024-03-01", []),  // before the year before: an old matter, not this year's deduction
        ]
        #expect(CreditedResults.notStartedOnTime(projects, on: date) == ["农机局": 2, "商务局": 2])
    }

    @Test func theDayATargetWasMetIsTheItemThatReachedIt() {
        var figure = CreditedResults.Figure()
        figure.done = 300
        figure.items = [
            .init(project: "b", funds: nil, on: Self.day("2026-05-01"), credited: 100, whole: 100),
            .init(project: "a", funds: nil, on: Self.day("2026-03-01"), credited: 150, whole: 150),
            .init(project: "c", funds: nil, on: Self.day("2026-08-01"), credited: 50, whole: 50),
        ]
        #expect(CreditedResults.reachedOn(figure, target: 250) == Self.day("2026-05-01"))
        #expect(CreditedResults.reachedOn(figure, target: 301) == nil && CreditedResults.reachedOn(figure, target: 0) == nil)
    }
}
