import Domain
import Fluent
import FluentSQL
import Vapor

extension DemoCity {
    /// [000]'s story in the demo: the 市农机局, with nothing to show, sat on 零效果席 at the meeting
    /// two years ago — no awards, 7,000 元 withheld from each of its twelve people; last year it
    /// signed a project worth twice its task and moved to 完成席. Its head is credited with one of
    /// last year's verified signings of 3亿–8亿元; then the bureau publishes the seatings of both
    /// years in January, as a city does at its year-end meeting. A generator of its own keeps the
    /// city's stream as it was.
    func createSeatings(app: Application) async throws {
        let db = app.db
        let today = app.clock.today
        var rng = SeededRandom(seed: seed &+ 2015)
        let (twoYearsAgo, lastYear) = (today.year - 2, today.year - 1)
        guard let setter = try await Person.query(on: db).filter(\.$login == "demo-bureau").first()?.id else { return }
        let scope = try JurisdictionCode(Self.cityCode)

        // the bureau of agricultural machinery and its twelve people
        let unit = Unit()
        unit.id = rng.uuid()
        unit.name = "市农机局"
        unit.kind = .department
        unit.jurisdictionCode = Self.cityCode
        unit.evaluationSeries = .comprehensiveManagement
        unit.version = 1
        try await unit.create(on: db)
        var people: [Person] = []
        for index in 0..<12 {
            let post = index == 0 ? "局长" : ["科员", "科长", "副局长", "招商专员"][index % 4]
            people.append(Self.person(in: unit.id!, post: post, roles: index == 0 ? [.cadre] : [.coordinator], &rng))
        }
        try await people.create(on: db)
        let head = people[0].id!

        // last year's verified signing of 3亿–8亿元 with one attractor, credited to the head
        let projects = try await ProgressFigures.facts(scope: scope, on: db)
        let story = projects.first { project in
            guard let signing = project.signing, signing.on.year == lastYear, project.shares.count == 1 else { return false }
            return (30_000...80_000).contains(signing.contract.minorUnits / 1_000_000) && signing.contract.currency == .cny
        }
        var sheets: [(Int, TargetSheet<UUID>)] = [
            (twoYearsAgo, TargetSheet(year: [.contractInvestment: 5_000 * 1_000_000, .projectsSigned: 1])),
            (today.year, TargetSheet(year: [.contractInvestment: 20_000 * 1_000_000, .projectsSigned: 1])),
        ]
        if let story, let signing = story.signing, let projectID = UUID(uuidString: story.id) {
            try await db.sql.raw(
                "UPDATE project_attractors SET unit_id = \(bind: unit.id!), person_id = \(bind: head) WHERE project_id = \(bind: projectID)"
            ).run()
            // "招商5亿元,相当于两年的任务": the year's task is half of what it signed, to the 100万
            sheets.append(
                (
                    lastYear,
                    TargetSheet(year: [
                        .contractInvestment: Self.roundTarget(signing.contract.minorUnits / 2, .contractInvestment), .projectsSigned: 1,
                    ])
                ))
        }
        let millis = app.clock.millis
        let written = sheets
        try await app.writeTransaction { db in
            for (year, sheet) in written {
                try await db.sql.raw(
                    """
                    INSERT INTO target_sheets (unit_id, year, note, version, set_by, set_at)
                    VALUES (\(bind: unit.id!), \(bind: year), \(bind: "演示市招商〔\(year)〕1号"), 1, \(bind: setter), \(bind: millis))
                    """
                ).run()
                for row in TargetService.rows(sheet) {
                    try await db.sql.raw(
                        """
                        INSERT INTO targets (id, unit_id, year, person_id, measure, quarter, amount)
                        VALUES (\(bind: UUID()), \(bind: unit.id!), \(bind: year), \(bind: row.person), \(bind: row.measure.rawValue),
                          \(bind: row.quarter), \(bind: row.amount))
                        """
                    ).run()
                }
            }
        }

        // the year-end meetings: each year's seating published on 15 January after it
        let rates = try await ExchangeRate.table(on: db)
        // both years' facts in one read: the tally counts only the funds of the span it is given
        let facts = try await ProgressFigures.read(
            scope: scope, funds: CivilDate(year: twoYearsAgo, month: 1, day: 1)!...CivilDate(year: lastYear, month: 12, day: 31)!, on: db)
        let units = try await AssessmentUnits.assessed(scope: scope, on: db)
        let staff = try await SeatingService.staff(units.map(\.id), on: db)
        var topCadres: [String] = []
        for year in [twoYearsAgo, lastYear] {
            let (first, through) = (CivilDate(year: year, month: 1, day: 1)!, CivilDate(year: year, month: 12, day: 31)!)
            let tally = CreditedResults.tally(projects: facts.projects, funds: facts.funds, from: first, through: through, rates: rates)
            if year == twoYearsAgo {
                // the year's best-credited cadres, rated 优秀 at its assessment
                topCadres = tally.persons.map { ($0.key, $0.value[.contractInvestment]?.done ?? 0) }.sorted { ($0.1, $0.0) > ($1.1, $1.0) }
                    .prefix(2).map(\.0)
            }
            let targets = try await TargetService.sheets(year: year, units: units.map(\.id), on: db).mapValues(\.sheet)
            let rules = YearEndSeat.Rules()
            let lines = SeatingService.lines(
                units: units, tally: tally, negotiating: CreditedResults.negotiating(facts.projects, on: through), sheets: targets,
                staff: staff,
                rules: rules)
            let seating = SeatingService.Seating(year: year, through: through, rules: rules, rulesVersion: 0, lines: lines)
            let meeting = BeijingTime.startMillis(of: CivilDate(year: year + 1, month: 1, day: 15)!) + 10 * 3_600_000
            try await app.writeTransaction { db in
                _ = try await SeatingService.store(seating, scope: scope.value, by: setter, actor: .system("demo"), at: meeting, on: db)
            }
        }

        // 提拔后备库: the two best of two years ago rated 优秀 [004] (one moved on since), and the
        // 市农机局's head for last year's 完成席 [000]
        var records: [(UUID, Int, ReservePool.Action, ReservePool.Source, String, String, CivilDate)] = []
        for person in topCadres.compactMap(UUID.init(uuidString:)) {
            records.append(
                (
                    person, twoYearsAgo, .enter, .yearEndExcellent, "\(twoYearsAgo) 年度考核优秀，招商实绩居全市前列", "市委组织部",
                    CivilDate(year: lastYear, month: 1, day: 20)!
                ))
        }
        if let moved = topCadres.last.flatMap(UUID.init(uuidString:)) {
            records.append(
                (moved, lastYear, .withdraw, .other, "调任市发展和改革委员会，转入该单位后备库", "市委组织部", CivilDate(year: lastYear, month: 9, day: 1)!))
        }
        if story != nil {
            records.append(
                (
                    head, lastYear, .enter, .completedSeat, "带领市农机局由零效果席进入完成席，全年招商相当于两年任务", "招商引资工作领导小组",
                    CivilDate(year: today.year, month: 1, day: 20)!
                ))
        }
        let kept = records
        try await app.writeTransaction { db in
            for (index, r) in kept.enumerated() {
                try await db.sql.raw(
                    """
                    INSERT INTO reserve_pool_entries (id, jurisdiction_code, sequence, person_id, year, action, source, reason, decided_by,
                      decided_on, recorded_by, recorded_at)
                    VALUES (\(bind: UUID()), \(bind: scope.value), \(bind: index + 1), \(bind: r.0), \(bind: r.1), \(bind: r.2.rawValue),
                      \(bind: r.3.rawValue), \(bind: r.4), \(bind: r.5), \(bind: r.6.description), \(bind: setter),
                      \(bind: BeijingTime.startMillis(of: r.6) + 11 * 3_600_000))
                    """
                ).run()
            }
        }
    }
}
