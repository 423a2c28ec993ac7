import Domain
import Fluent
import FluentSQL
import Vapor

extension DemoCity {
    /// Published rankings, as a bureau keeps them: the year-end ranking of each of the last two years
    /// (published on 15 January after), and this year's monthly rankings up to the last month over
    /// (each published on the 5th of the month after), all by the standard formula; each with its
    /// bulletin (通报) issued the day after.
    func createRankings(app: Application) async throws {
        let db = app.db
        let today = app.clock.today
        guard let setter = try await Person.query(on: db).filter(\.$login == "demo-bureau").first()?.id else { return }
        let scope = try JurisdictionCode(Self.cityCode)
        let rates = try await ExchangeRate.table(on: db)
        let units = try await AssessmentUnits.assessed(scope: scope, on: db)
        let earliest = CivilDate(year: today.year - 2, month: 1, day: 1)!
        let facts = try await ProgressFigures.read(scope: scope, funds: earliest...today, on: db)
        let (projects, funds) = (facts.projects, facts.funds)
        let issuer = try await BulletinService.defaultIssuer(scope: scope.value, fallback: "招商局", on: db)
        var periods = [RankingPeriod(year: today.year - 2)!, RankingPeriod(year: today.year - 1)!]
        periods += RankingPeriod.offered(year: today.year, today: today).filter { $0.month != nil }
        for period in periods {
            let first = CivilDate(year: period.year, month: 1, day: 1)!
            let through = period.through
            let tally = CreditedResults.tally(projects: projects, funds: funds, from: first, through: through, rates: rates)
            let sheets = try await TargetService.sheets(year: period.year, units: units.map(\.id), on: db).mapValues(\.sheet)
            let lines = RankingService.lines(
                units: units, tally: tally, notStarted: CreditedResults.notStartedOnTime(projects, on: through), sheets: sheets,
                orders: try await RankingService.workOrders(units.map(\.id), from: first, through: through, on: db),
                corrected: try await RankingService.correctedBack(units.map(\.id), from: first, through: through, on: db),
                surveyed: try await SatisfactionTrend.assessed(year: period.year, throughMonth: through.month, scope: scope.value, on: db),
                formula: .standard)
            let ranking = RankingService.Ranking(period: period, through: through, formula: .standard, formulaVersion: 0, lines: lines)
            let day =
                period.month == nil
                ? CivilDate(year: period.year + 1, month: 1, day: 15)! : CivilDate(dayNumber: through.dayNumber + 5)
            try await app.writeTransaction { db in
                _ = try await RankingService.store(
                    ranking, scope: scope.value, by: setter, actor: .system("demo"), at: BeijingTime.startMillis(of: day) + 9 * 3_600_000,
                    on: db)
            }
            // the bulletin follows the next day, numbered in the year it is issued
            let issued = CivilDate(dayNumber: day.dayNumber + 1)
            let satisfaction = app.satisfactionSource
            try await app.writeTransaction { db in
                _ = try await BulletinService.store(
                    period, scope: scope.value, issuer: issuer, on: issued, by: setter, actor: .system("demo"),
                    at: BeijingTime.startMillis(of: issued) + 10 * 3_600_000, satisfaction: satisfaction, on: db)
            }
        }
    }
}
