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
        /// 在谈项目 per unit at `through` (`CreditedResults.negotiating`), for the year-end seats.
        var negotiating: [String: Int]
        /// Signings not started on time per unit at `through`, for the ranking's deductions.
        var notStarted: [String: Int]
    }

    /// The facts of a jurisdiction's projects (and those inside it) as the tally reads them.
    static func facts(scope: JurisdictionCode, on db: any Database) async throws -> [CreditedResults.Project] {
        try await read(scope: scope, funds: nil, on: db).projects
    }

    /// The titles of the projects a list behind a figure names, read when the list is shown: a
    /// city's hundred thousand titles are not kept beside its tally.
    static func titles(of projects: some Sequence<String>, on db: any Database) async throws -> [String: String] {
        let ids = Set(projects).compactMap(UUID.init(uuidString:))
        var titles: [String: String] = [:]
        for start in stride(from: 0, to: ids.count, by: chunk) {
            let part = Array(ids[start..<min(start + chunk, ids.count)])
            for row in try await db.sql.raw("SELECT id, title FROM projects WHERE id IN (\(binds: part))").all() {
                let r = RowReader(row)
                titles[try r.uuid("id").uuidString] = try r.string("title")
            }
        }
        return titles
    }

    /// A jurisdiction's projects as the tally reads them, and their verified funds that arrived in
    /// `span` (none without one).
    struct Facts: Sendable {
        var projects: [CreditedResults.Project] = []
        var funds: [CreditedResults.Funds] = []
    }

    /// Projects whose reports, shares and funds are read together. A province-sized city read in
    /// one go held every row at once (180 MB of rows beside what they decode to); a chunk at a time
    /// holds a few megabytes, in three indexed reads per chunk.
    static let chunk = 2_000

    static func read(scope: JurisdictionCode, funds span: ClosedRange<CivilDate>?, chunk: Int = chunk, on db: any Database) async throws
        -> Facts
    {
        let sql = db.sql
        let schedule = SettingsSchedule(try await SettingsService.rows(on: db).compactMap(\.entry))
        var reader = FactReader(heads: try await heads(scope: scope, on: db), schedule: schedule, chunk: chunk)
        for start in stride(from: 0, to: reader.heads.count, by: chunk) {
            let part = reader.heads[start..<min(start + chunk, reader.heads.count)].map(\.id)
            let reports = try await sql.raw(
                """
                SELECT project_id, to_stage, occurred_on, contract_minor, contract_currency FROM stage_reports
                WHERE project_id IN (\(binds: part)) AND verified_by IS NOT NULL ORDER BY project_id, sequence
                """
            ).all()
            let shares = try await sql.raw(
                """
                SELECT project_id, unit_id, person_id, basis_points FROM project_attractors
                WHERE project_id IN (\(binds: part)) ORDER BY project_id, basis_points DESC, person_id
                """
            ).all()
            var funds: [any SQLRow] = []
            if let span {
                funds = try await sql.raw(
                    """
                    SELECT id, project_id, arrived_on, amount_minor, currency, is_foreign FROM funds_arrivals
                    WHERE project_id IN (\(binds: part)) AND verified_by IS NOT NULL
                      AND arrived_on >= \(bind: span.lowerBound.description) AND arrived_on <= \(bind: span.upperBound.description)
                    ORDER BY project_id, arrived_on, id
                    """
                ).all()
            }
            try reader.add(from: start, reports: reports, shares: shares, funds: funds)
        }
        return reader.facts
    }

    /// The jurisdiction's projects, decoded at once so their rows are let go.
    static func heads(scope: JurisdictionCode, on db: any Database) async throws -> [FactReader.Head] {
        try await db.sql.raw(
            """
            SELECT p.id, p.jurisdiction_code, p.accepted_on FROM projects p
            WHERE p.jurisdiction_code >= \(bind: scope.prefix) AND p.jurisdiction_code < \(bind: scope.prefix + "~")
            """
        ).all().map { row in
            let r = RowReader(row)
            let id = try r.uuid("id")
            return FactReader.Head(
                id: id, key: id.uuidString, code: try? JurisdictionCode(try r.string("jurisdiction_code")),
                acceptedOn: CivilDate(try r.string("accepted_on")))
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
            let figures = try await compute(scope: scope, year: year, through: through, on: db)
            // what was read to count is let go once `compute` returns: handed back to the system on
            // the figures' thread, not kept at its peak and not on a thread pages run on
            try await OwnThreadPool.figuresPool.runIfActive { ReleasedMemory.giveBack() }
            return figures
        }
    }

    static func compute(scope: JurisdictionCode, year: Int, through: CivilDate, on db: any Database) async throws -> Year {
        let rates = try await ExchangeRate.table(on: db)
        let first = CivilDate(year: year, month: 1, day: 1)!
        let lastFirst = CivilDate(year: year - 1, month: 1, day: 1)!
        let facts = try await read(scope: scope, funds: lastFirst...through, on: db)
        // a province-sized city's tally takes a while: on the figures' own thread, never on an
        // event loop, where every page of the loop would wait behind it
        return try await OwnThreadPool.figuresPool.runIfActive {
            let (projects, funds) = (facts.projects, facts.funds)
            return Year(
                year: year, through: through,
                tally: CreditedResults.tally(projects: projects, funds: funds, from: first, through: through, rates: rates),
                lastYear: CreditedResults.tally(
                    projects: projects, funds: funds, from: lastFirst, through: CreditedResults.sameDayLastYear(through), rates: rates,
                    items: false),
                negotiating: CreditedResults.negotiating(projects, on: through),
                notStarted: CreditedResults.notStartedOnTime(projects, on: through))
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
