import Domain
import Testing

/// 干部实绩 and 提拔后备库: a cadre's credited share of a project, the place among the unit's
/// cadres by the stated rule, and a pool kept as records.
@Suite("干部实绩与提拔后备库")
struct CadreResultsTests {
    static let yi: Int64 = 10_000 * 10_000 * 100

    @Test func aCadreWith40PercentOfFiveYiIsCreditedTwoYi() {
        // the 农机局's 王 holds 60%, 李 40% of a 5亿元 signing
        let project = CreditedResults.Project(
            id: "p", shares: [.init(unit: "农机局", person: "王", basisPoints: 6000), .init(unit: "农机局", person: "李", basisPoints: 4000)],
            signing: .init(on: CivilDate("2025-06-01")!, contract: Money(minorUnits: 5 * Self.yi)), startedOn: nil, producingOn: nil)
        let tally = CreditedResults.tally(
            projects: [project], funds: [], from: CivilDate("2025-01-01")!, through: CivilDate("2025-12-31")!, rates: ExchangeRates())
        #expect(tally.figure(person: "李", .contractInvestment).done == 2 * Self.yi)
        #expect(tally.figure(person: "王", .contractInvestment).done == 3 * Self.yi)
        // the cadres' shares sum to the project; the unit's figure is the same whole
        let persons = ["王", "李"].map { tally.figure(person: $0, .contractInvestment).done }.reduce(0, +)
        #expect(persons == 5 * Self.yi && tally.figure(unit: "农机局", .contractInvestment).done == persons)
        // a count is not split: both are credited the signing
        #expect(tally.figure(person: "李", .projectsSigned).done == 1 && tally.figure(person: "王", .projectsSigned).done == 1)
    }

    @Test func aTallyOfSumsOnlyHasTheSameSumsAndNoLists() {
        // seed [004]'s 29.14亿元 signed by one unit's two cadres, and 4.389亿元 arrived in two entries
        let project = CreditedResults.Project(
            id: "p", shares: [.init(unit: "驻深办", person: "王", basisPoints: 5000), .init(unit: "驻深办", person: "李", basisPoints: 5000)],
            signing: .init(on: CivilDate("2025-03-20")!, contract: Money(minorUnits: 2_914_000_000 * 100)), startedOn: nil,
            producingOn: nil)
        let funds = [
            CreditedResults.Funds(
                id: "f1", project: "p", arrivedOn: CivilDate("2025-03-25")!, amount: Money(minorUnits: 400_000_000 * 100), isForeign: false),
            CreditedResults.Funds(
                id: "f2", project: "p", arrivedOn: CivilDate("2025-03-28")!, amount: Money(minorUnits: 38_900_000 * 100), isForeign: false),
        ]
        let (from, through) = (CivilDate("2025-01-01")!, CivilDate("2025-12-31")!)
        let listed = CreditedResults.tally(projects: [project], funds: funds, from: from, through: through, rates: ExchangeRates())
        let summed = CreditedResults.tally(
            projects: [project], funds: funds, from: from, through: through, rates: ExchangeRates(), items: false)
        for measure in [ScoreFormula.Measure.contractInvestment, .fundsDomestic, .projectsSigned, .majorProjects] {
            #expect(summed.figure(unit: "驻深办", measure).done == listed.figure(unit: "驻深办", measure).done)
            #expect(summed.figure(person: "李", measure).done == listed.figure(person: "李", measure).done)
            #expect(summed.figure(unit: "驻深办", measure).items.isEmpty)
        }
        #expect(listed.figure(unit: "驻深办", .fundsDomestic).done == 438_900_000 * 100)
        #expect(listed.figure(unit: "驻深办", .fundsDomestic).items.count == 2)
    }

    @Test func cadresAreRankedByTheStatedRule() {
        func line(_ name: String, _ contract: Int64, signings: Int = 0, visits: Int = 0) -> CadreLine {
            CadreLine(
                person: name, name: name, contract: contract, signings: signings, visits: visits, leads: 0, leadsAccepted: 0, workOrders: 0)
        }
        let ranked = CadreLine.ranked([
            line("丙", 2 * Self.yi, signings: 1), line("甲", 3 * Self.yi), line("乙", 2 * Self.yi, signings: 2),
            line("丁", 0, visits: 9), line("戊", 0, visits: 9),
        ])
        #expect(ranked.map(\.line.name) == ["甲", "乙", "丙", "丁", "戊"])
        #expect(ranked.map(\.place) == [1, 2, 3, 4, 5])
        #expect(CadreLine.rankRule.contains("合同投资额"))
    }

    @Test func thePoolIsKeptAsRecordsAndReadFromTheLatest() {
        let today = CivilDate("2026-11-27")!
        func entry(_ person: String, _ action: ReservePool.Action, _ sequence: Int64, year: Int = 2025) -> ReservePool.Entry {
            ReservePool.Entry(
                person: person, year: year, action: action, source: .yearEndExcellent, reason: "2025 年度考核优秀",
                decidedBy: "县委组织部", decidedOn: CivilDate("2026-01-20")!, sequence: sequence)
        }
        var kept = [entry("王", .enter, 1), entry("李", .enter, 2)]
        #expect(Set(ReservePool.current(kept).keys) == ["王", "李"])
        // taken out: a record of its own; the entry stays in the history
        kept.append(entry("李", .withdraw, 3))
        #expect(Set(ReservePool.current(kept).keys) == ["王"] && kept.count == 3)
        // and back in a later year
        kept.append(entry("李", .enter, 4, year: 2026))
        #expect(ReservePool.current(kept)["李"]?.year == 2026)
        // refusals
        #expect(ReservePool.problems(entry("王", .enter, 5), kept: kept, today: today) == [.alreadyIn])
        #expect(ReservePool.problems(entry("张", .withdraw, 5), kept: kept, today: today) == [.notIn])
        var bad = entry("张", .enter, 5, year: 2027)
        bad.reason = "  "
        bad.decidedBy = ""
        #expect(ReservePool.problems(bad, kept: kept, today: today) == [.reasonMissing, .decidedByMissing, .yearOutOfRange])
        bad = entry("张", .enter, 5)
        bad.decidedOn = CivilDate("2026-12-01")!
        #expect(ReservePool.problems(bad, kept: kept, today: today) == [.decidedInFuture])
        #expect(ReservePool.problems(entry("张", .enter, 5), kept: kept, today: today).isEmpty)
    }
}
