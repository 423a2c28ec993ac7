import Domain
import Fluent
import FluentSQL
import Vapor

/// 进度: each unit's verified results of a year against its targets and the calendar, and the same
/// day a year before. The results are `CreditedResults.tally` over the bureau's verified facts —
/// each project's verified stage reports (`ProjectFacts`), its attractors' split and its verified
/// funds — so the page, the API and (next) the seats and scores read one count.
enum ProgressFigures {
    typealias Measure = ScoreFormula.Measure

    struct Year: Sendable {
        var year: Int
        /// The last day counted: today in the current year, 31 December of a past one.
        var through: CivilDate
        var tally: CreditedResults.Tally
        var lastYear: CreditedResults.Tally
        /// Project titles for the lists behind the figures.
        var titles: [String: String]
        /// 在谈项目 per unit at `through` (`CreditedResults.negotiating`), for the year-end seats.
        var negotiating: [String: Int]
        /// Signings not started on time per unit at `through`, for the ranking's deductions.
        var notStarted: [String: Int]
    }

    /// The facts of a jurisdiction's projects (and those inside it) as the tally reads them.
    static func facts(scope: JurisdictionCode, on db: any Database) async throws -> (
        projects: [CreditedResults.Project], titles: [String: String]
    ) {
        try decode(try await factRows(scope: scope, on: db))
    }

    /// The rows `facts` is made of, as the database answers them.
    struct FactRows: Sendable {
        var reports: [any SQLRow]
        var shares: [any SQLRow]
        var heads: [any SQLRow]
        var schedule: SettingsSchedule
    }

    static func factRows(scope: JurisdictionCode, on db: any Database) async throws -> FactRows {
        let sql = db.sql
        let inScope: SQLQueryString = "p.jurisdiction_code >= \(bind: scope.prefix) AND p.jurisdiction_code < \(bind: scope.prefix + "~")"
        let reports = try await sql.raw(
            """
            SELECT r.project_id, r.to_stage, r.occurred_on, r.contract_minor, r.contract_currency
            FROM stage_reports r JOIN projects p ON p.id = r.project_id
            WHERE \(inScope) AND r.verified_by IS NOT NULL ORDER BY r.project_id, r.sequence
            """
        ).all()
        let shares = try await sql.raw(
            """
            SELECT a.project_id, a.unit_id, a.person_id, a.basis_points FROM project_attractors a JOIN projects p ON p.id = a.project_id
            WHERE \(inScope) ORDER BY a.project_id, a.basis_points DESC, a.person_id
            """
        ).all()
        let heads = try await sql.raw("SELECT p.id, p.title, p.jurisdiction_code, p.accepted_on FROM projects p WHERE \(inScope)").all()
        let schedule = SettingsSchedule(try await SettingsService.rows(on: db).compactMap(\.entry))
        return FactRows(reports: reports, shares: shares, heads: heads, schedule: schedule)
    }

    /// The projects' verified facts from their rows: pure work, done off the event loops by `year`.
    static func decode(_ rows: FactRows) throws -> (projects: [CreditedResults.Project], titles: [String: String]) {
        let (reports, shares, heads, schedule) = (rows.reports, rows.shares, rows.heads, rows.schedule)
        var byProject: [UUID: [ProjectFacts.Report]] = [:]
        for row in reports {
            let r = RowReader(row)
            guard let stage = ProjectStage(rawValue: try r.string("to_stage")), let on = CivilDate(try r.string("occurred_on")) else {
                continue
            }
            let currency = Currency(rawValue: try r.optionalString("contract_currency") ?? "") ?? .cny
            let contract = try r.optionalInt64("contract_minor").map { Money(minorUnits: $0, currency: currency) }
            byProject[try r.uuid("project_id"), default: []].append(.init(to: stage, on: on, verified: true, contract: contract))
        }
        var sharesBy: [UUID: [CreditedResults.Share]] = [:]
        for row in shares {
            let r = RowReader(row)
            let share = CreditedResults.Share(
                unit: try r.uuid("unit_id").uuidString, person: try r.uuid("person_id").uuidString, basisPoints: try r.int("basis_points"))
            sharesBy[try r.uuid("project_id"), default: []].append(share)
        }
        var projects: [CreditedResults.Project] = []
        var titles: [String: String] = [:]
        for row in heads {
            let r = RowReader(row)
            let id = try r.uuid("id")
            titles[id.uuidString] = try r.string("title")
            let reports = byProject[id] ?? []
            let facts = ProjectFacts.from(reports)
            // the major threshold of the project's own jurisdiction on the day it signed
            let code = try? JurisdictionCode(try r.string("jurisdiction_code"))
            let threshold = code.flatMap { code in facts.signing.map { schedule.inEffect(for: code, on: $0.on).settings.majorThreshold } }
            projects.append(
                CreditedResults.Project(
                    id: id.uuidString, shares: sharesBy[id] ?? [], signing: facts.signing, startedOn: facts.entered[.started],
                    producingOn: facts.entered[.producing], majorThreshold: threshold ?? ProjectRules.defaultMajorThreshold,
                    acceptedOn: CivilDate(try r.string("accepted_on")), verifiedReports: reports))
        }
        return (projects, titles)
    }

    /// Verified funds entries of the jurisdiction's projects that arrived in the span.
    static func funds(scope: JurisdictionCode, from: CivilDate, through: CivilDate, on db: any Database) async throws
        -> [CreditedResults.Funds]
    {
        try decodeFunds(try await fundsRows(scope: scope, from: from, through: through, on: db))
    }

    static func fundsRows(scope: JurisdictionCode, from: CivilDate, through: CivilDate, on db: any Database) async throws -> [any SQLRow] {
        try await db.sql.raw(
            """
            SELECT f.id, f.project_id, f.arrived_on, f.amount_minor, f.currency, f.is_foreign
            FROM funds_arrivals f JOIN projects p ON p.id = f.project_id
            WHERE p.jurisdiction_code >= \(bind: scope.prefix) AND p.jurisdiction_code < \(bind: scope.prefix + "~")
              AND f.verified_by IS NOT NULL AND f.arrived_on >= \(bind: from.description) AND f.arrived_on <= \(bind: through.description)
            """
        ).all()
    }

    static func decodeFunds(_ rows: [any SQLRow]) throws -> [CreditedResults.Funds] {
        try rows.compactMap { row in
            let r = RowReader(row)
            guard let arrived = CivilDate(try r.string("arrived_on")) else { return nil }
            return CreditedResults.Funds(
                id: try r.uuid("id").uuidString, project: try r.uuid("project_id").uuidString, arrivedOn: arrived,
                amount: Money(minorUnits: try r.int64("amount_minor"), currency: Currency(rawValue: try r.string("currency")) ?? .cny),
                isForeign: try r.bool("is_foreign"))
        }
    }

    /// The year's tally for a jurisdiction, kept 30 s and dropped by any write of the process: the
    /// year to today (a past year to 31 December), and last year to the same day.
    static func year(_ request: Request, scope: JurisdictionCode, year: Int, through end: CivilDate? = nil) async throws -> Year {
        let today = request.clock.today
        let through = min(
            end ?? CivilDate(year: year, month: 12, day: 31)!, year < today.year ? CivilDate(year: year, month: 12, day: 31)! : today)
        let db = request.application.figuresDB
        let key = ShortCache.writeSensitive + "progress|\(scope.value)|\(year)|\(through)"
        return try await request.application.shortCache.value(key, ttl: 30) {
            let rates = try await ExchangeRate.table(on: db)
            let rows = try await factRows(scope: scope, on: db)
            let first = CivilDate(year: year, month: 1, day: 1)!
            let lastFirst = CivilDate(year: year - 1, month: 1, day: 1)!
            let fundsRows = try await Self.fundsRows(scope: scope, from: lastFirst, through: through, on: db)
            // a province-sized city's tally takes a while: on the figures' own thread, never on an
            // event loop, where every page of the loop would wait behind it
            return try await OwnThreadPool.figuresPool.runIfActive {
                let (projects, titles) = try decode(rows)
                let funds = try decodeFunds(fundsRows)
                return Year(
                    year: year, through: through,
                    tally: CreditedResults.tally(projects: projects, funds: funds, from: first, through: through, rates: rates),
                    lastYear: CreditedResults.tally(
                        projects: projects, funds: funds, from: lastFirst, through: CreditedResults.sameDayLastYear(through), rates: rates),
                    titles: titles, negotiating: CreditedResults.negotiating(projects, on: through),
                    notStarted: CreditedResults.notStartedOnTime(projects, on: through))
            }
        }
    }

    /// A unit's lines: every targeted measure against the sheet's year and quarter.
    static func lines(_ figures: Year, unit: UUID, sheet: TargetSheet<UUID>?) -> [ProgressLine] {
        ProgressLine.lines(
            done: { figures.tally.figure(unit: unit.uuidString, $0).done },
            lastYear: { figures.lastYear.figure(unit: unit.uuidString, $0).done }, sheet: sheet, on: figures.through)
    }

    /// What the progress pages and the API show: the year's figures and each unit's lines, for
    /// the units the person reads.
    struct Overview: Sendable {
        var figures: Year
        var units: [(unit: AssessmentUnits.Row, lines: [ProgressLine])]
    }

    static func overview(_ request: Request, year: Int, units: [AssessmentUnits.Row]) async throws -> Overview {
        let user = try request.authorize(.read, .assessment)
        let figures = try await Self.year(request, scope: user.scope, year: year)
        let sheets = try await TargetService.sheets(year: year, units: units.map(\.id), on: request.db)
        return Overview(figures: figures, units: units.map { ($0, lines(figures, unit: $0.id, sheet: sheets[$0.id]?.sheet)) })
    }
}
