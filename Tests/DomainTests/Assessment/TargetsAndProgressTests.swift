import Testing

@testable import Domain

/// 目标任务 and 进度 with the seeds' numbers: a target sheet's splits never ask more than the whole;
/// results are credited by the project's split to the fen, counted once per sharing unit, from
/// verified facts dated in the period, foreign funds in dollars at the month's rates.
@Suite("目标任务与进度：分解、实绩分成、外资折美元")
struct TargetsAndProgressTests {
    typealias Measure = ScoreFormula.Measure
    static func day(_ text: String) -> CivilDate { CivilDate(text)! }
    static let yi: Int64 = 10_000_000_000  // 1亿元 in fen

    @Test func aSplitMayNotAskMoreThanTheWhole() {
        let fine = TargetSheet<String>(
            year: [.contractInvestment: 25 * Self.yi / 10, .projectsSigned: 4],
            quarters: [.contractInvestment: [5, 5, 7, 8].map { $0 * Self.yi / 10 }],
            cadres: ["王": [.contractInvestment: Self.yi], "李": [.contractInvestment: 15 * Self.yi / 10]])
        #expect(fine.problems().isEmpty)
        #expect(fine.throughQuarter(2, .contractInvestment) == Self.yi)
        #expect(fine.throughQuarter(3, .projectsSigned) == nil)
        #expect(fine.throughQuarter(4, .projectsSigned) == 4)

        var quarters = fine
        quarters.quarters[.contractInvestment] = [5, 5, 7, 9].map { $0 * Self.yi / 10 }
        #expect(quarters.problems() == [.quartersExceed(.contractInvestment, sum: 26 * Self.yi / 10, year: 25 * Self.yi / 10)])
        var cadres = fine
        cadres.cadres["赵"] = [.contractInvestment: 1]
        #expect(cadres.problems() == [.cadresExceed(.contractInvestment, sum: 25 * Self.yi / 10 + 1, unit: 25 * Self.yi / 10)])
        #expect(TargetSheet<String>(year: [.projectsStarted: -1]).problems() == [.negative(.projectsStarted)])
        #expect(TargetSheet<String>(year: [.satisfaction: 90]).problems() == [.notTargeted(.satisfaction)])
        #expect(
            TargetSheet<String>(year: [.fundsDomestic: 1], quarters: [.fundsDomestic: [1, 0]]).problems() == [.quarterCount(.fundsDomestic)]
        )
        #expect(
            TargetSheet<String>(year: [.contractInvestment: TargetSheet<String>.limit(.contractInvestment) + 1]).problems() == [
                .tooLarge(.contractInvestment)
            ])
    }

    static func project(
        _ id: String, _ shares: [(String, String, Int)], signed: String?, contract: Money?, started: String? = nil, producing: String? = nil
    ) -> CreditedResults.Project {
        CreditedResults.Project(
            id: id, shares: shares.map { .init(unit: $0.0, person: $0.1, basisPoints: $0.2) },
            signing: signed.flatMap { on in contract.map { .init(on: day(on), contract: $0) } }, startedOn: started.map(day),
            producingOn: producing.map(day))
    }

    static let year2026 = (from: day("2026-01-01"), through: day("2026-11-27"))

    @Test func aProjectOf5YiSharedSixtyFortyCreditsThreeAndTwo() {
        // [000]: the 农机局 signed 5亿元; here its cadre 王 holds 60%, the 商务局's 李 40%
        let p = Self.project(
            "p1", [("农机局", "王", 6000), ("商务局", "李", 4000)], signed: "2026-03-15", contract: Money(minorUnits: 5 * Self.yi),
            started: "2026-06-01")
        let tally = CreditedResults.tally(
            projects: [p], funds: [], from: Self.year2026.from, through: Self.year2026.through, rates: ExchangeRates())
        #expect(tally.figure(unit: "农机局", .contractInvestment).done == 3 * Self.yi)
        #expect(tally.figure(unit: "商务局", .contractInvestment).done == 2 * Self.yi)
        #expect(tally.figure(person: "王", .contractInvestment).done == 3 * Self.yi)
        // counts are not split: the project is signed, major and started for both units
        for unit in ["农机局", "商务局"] {
            #expect(tally.figure(unit: unit, .projectsSigned).done == 1)
            #expect(tally.figure(unit: unit, .majorProjects).done == 1)
            #expect(tally.figure(unit: unit, .projectsStarted).done == 1)
            #expect(tally.figure(unit: unit, .projectsProducing).done == 0)
        }
        // the list behind a figure sums to it
        let figure = tally.figure(unit: "农机局", .contractInvestment)
        #expect(figure.items.map(\.credited).reduce(0, +) == figure.done)
        #expect(figure.items.first?.whole == 5 * Self.yi)
    }

    @Test func aProjectIsNegotiatingAtTheYearsEndByWhatWasVerifiedByThen() {
        let yearEnd = Self.day("2025-12-31")
        func project(_ id: String, accepted: String, _ reports: [(ProjectStage, String)]) -> CreditedResults.Project {
            CreditedResults.Project(
                id: id, shares: [.init(unit: "农机局", person: "王", basisPoints: 6000), .init(unit: "商务局", person: "李", basisPoints: 4000)],
                signing: nil, startedOn: nil, producingOn: nil, acceptedOn: Self.day(accepted),
                verifiedReports: reports.map { .init(to: $0.0, on: Self.day($0.1), verified: true, contract: nil) })
        }
        let talks = project("talks", accepted: "2025-05-01", [])
        // signed in January 2026: still in talks on 31 December 2025
        let signedLater = project("later", accepted: "2025-09-01", [(.signed, "2026-01-20")])
        let signed = project("signed", accepted: "2025-02-01", [(.signed, "2025-08-01")])
        let held = project("held", accepted: "2025-02-01", [(.onHold, "2025-10-01")])
        let notYet = project("next", accepted: "2026-01-05", [])
        let all = [talks, signedLater, signed, held, notYet]
        #expect(all.filter { $0.isNegotiating(on: yearEnd) }.map(\.id) == ["talks", "later"])
        // a count is not split: both sharing units count both projects
        #expect(CreditedResults.negotiating(all, on: yearEnd) == ["农机局": 2, "商务局": 2])
        // a project never accepted is in nobody's talks
        #expect(!CreditedResults.Project(id: "x", shares: [], signing: nil, startedOn: nil, producingOn: nil).isNegotiating(on: yearEnd))
    }

    @Test func oddAmountsAreApportionedToTheFen() {
        // 1亿元 and 1 fen among three cadres of one unit and a second unit: nothing lost or invented
        let contract: Int64 = Self.yi + 1
        let p = Self.project(
            "p", [("A", "甲", 3333), ("A", "乙", 3333), ("B", "丙", 3334)], signed: "2026-05-05", contract: Money(minorUnits: contract))
        let tally = CreditedResults.tally(
            projects: [p], funds: [], from: Self.year2026.from, through: Self.year2026.through, rates: ExchangeRates())
        let persons = ["甲", "乙", "丙"].map { tally.figure(person: $0, .contractInvestment).done }
        #expect(persons.reduce(0, +) == contract)
        #expect(tally.figure(unit: "A", .contractInvestment).done + tally.figure(unit: "B", .contractInvestment).done == contract)
        // a unit of two attractors counts the project once
        #expect(tally.figure(unit: "A", .projectsSigned).done == 1)
        #expect(tally.figure(unit: "A", .projectsSigned).items.count == 1)
    }

    @Test func onlyFactsDatedInThePeriodCountAndForeignMoneyIsInDollars() {
        let rates = ExchangeRates(rates: [.usd: ["2026-04": 71_000, "2026-07": 71_500], .eur: ["2026-07": 78_000]])
        let signedLastYear = Self.project("old", [("A", "甲", 10_000)], signed: "2025-12-30", contract: Money(minorUnits: Self.yi))
        let dollars = Self.project(
            "usd", [("A", "甲", 10_000)], signed: "2026-04-10", contract: Money(minorUnits: 9_000 * 1_000_000, currency: .usd))
        let noRate = Self.project(
            "jpy", [("A", "甲", 10_000)], signed: "2026-04-10", contract: Money(minorUnits: 15 * Self.yi, currency: .jpy))
        let funds: [CreditedResults.Funds] = [
            .init(
                id: "f1", project: "usd", arrivedOn: Self.day("2026-07-01"), amount: Money(minorUnits: 100_000_000, currency: .usd),
                isForeign: true),
            // 1,000,000 EUR at 7.8 = 7,800,000 CNY = 1,090,909.09 USD at 7.15
            .init(
                id: "f2", project: "usd", arrivedOn: Self.day("2026-07-02"), amount: Money(minorUnits: 100_000_000, currency: .eur),
                isForeign: true),
            .init(id: "f3", project: "usd", arrivedOn: Self.day("2026-07-03"), amount: Money(minorUnits: 2 * Self.yi), isForeign: false),
            .init(id: "f4", project: "usd", arrivedOn: Self.day("2026-12-01"), amount: Money(minorUnits: Self.yi), isForeign: false),
        ]
        let tally = CreditedResults.tally(
            projects: [signedLastYear, dollars, noRate], funds: funds, from: Self.year2026.from, through: Self.year2026.through,
            rates: rates)
        // 9000万美元 at 7.1 = 6.39亿元: counted in CNY, major; last year's signing and the yen without a rate are not
        #expect(tally.figure(unit: "A", .contractInvestment).done == 639_000_000 * 100)
        #expect(tally.figure(unit: "A", .projectsSigned).done == 1)
        #expect(tally.figure(unit: "A", .majorProjects).done == 1)
        #expect(tally.missingRates == ["JPY 2026-04"])
        #expect(tally.figure(unit: "A", .fundsForeign).done == 100_000_000 + 109_090_909)
        #expect(tally.figure(unit: "A", .fundsDomestic).done == 2 * Self.yi)
    }

    @Test func aSigningIsMajorByItsOwnJurisdictionsThreshold() {
        // 6000万元: major in a county that counts major from 5000万元, not under the standard 1亿元
        let contract = Money(minorUnits: 6_000 * 1_000_000)
        var county = Self.project("c", [("A", "甲", 10_000)], signed: "2026-05-05", contract: contract)
        county.majorThreshold = Money(minorUnits: 5_000 * 1_000_000)
        let city = Self.project("s", [("B", "乙", 10_000)], signed: "2026-05-05", contract: contract)
        let tally = CreditedResults.tally(
            projects: [county, city], funds: [], from: Self.year2026.from, through: Self.year2026.through, rates: ExchangeRates())
        #expect(tally.figure(unit: "A", .majorProjects).done == 1)
        #expect(tally.figure(unit: "B", .majorProjects).done == 0)
        #expect(tally.figure(unit: "B", .projectsSigned).done == 1)
    }

    @Test func theLeadingGroupAndTaskForcesTakeNoTargets() {
        #expect(UnitKind.allCases.filter { !$0.isAssessed } == [.leadershipGroup, .taskForce])
    }

    @Test func aLineCarriesTheTargetToTheEndOfTheQuarter() {
        let sheet = TargetSheet<String>(
            year: [.contractInvestment: 25 * Self.yi / 10, .projectsSigned: 4],
            quarters: [.contractInvestment: [5, 5, 7, 8].map { $0 * Self.yi / 10 }])
        // 30 June is in the second quarter: 1亿元 of the 2.5亿元 is due by then; signings are not split
        let lines = ProgressLine.lines(done: { _ in 0 }, lastYear: { _ in 0 }, sheet: sheet, on: Self.day("2026-06-30"))
        #expect(lines.first { $0.measure == .contractInvestment }?.quarterTarget == Self.yi)
        #expect(lines.first { $0.measure == .projectsSigned }?.quarterTarget == nil)
        let december = ProgressLine.lines(done: { _ in 0 }, lastYear: { _ in 0 }, sheet: sheet, on: Self.day("2026-12-01"))
        #expect(december.first { $0.measure == .projectsSigned }?.quarterTarget == 4)
        #expect(december.map(\.measure) == ScoreFormula.Measure.targeted)
    }

    @Test func progressReadsAgainstTheCalendarAndLastYear() {
        #expect(CreditedResults.sameDayLastYear(Self.day("2024-02-29")) == Self.day("2023-02-28"))
        #expect(CreditedResults.sameDayLastYear(Self.day("2026-11-27")) == Self.day("2025-11-27"))
        // [000]: 5亿元 verified against 2.5亿元: 200%, ahead of 90.7%
        let line = ProgressLine(measure: .contractInvestment, done: 5 * Self.yi, target: 25 * Self.yi / 10, lastYear: 0)
        #expect(line.permille == 2000)
        #expect(line.pace(on: Self.day("2026-11-27")) == .ahead)
        let behind = ProgressLine(measure: .contractInvestment, done: 2 * Self.yi, target: 25 * Self.yi / 10, lastYear: 0)
        #expect(behind.permille == 800)
        #expect(behind.pace(on: Self.day("2026-11-27")) == .behind)
        #expect(ProgressLine(measure: .projectsSigned, done: 3, target: nil, lastYear: 1).permille == nil)
    }
}
