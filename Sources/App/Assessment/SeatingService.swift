import Domain
import Fluent
import FluentSQL
import Vapor

/// 年终座次: a jurisdiction's year seated by its rules (`YearEndSeat`) over the verified results
/// the progress page reads (`ProgressFigures.year`, one count), a draft until the bureau publishes
/// it; once published it is read from its stored lines, never recomputed, its digest checked.
struct SeatingService {
    let request: Request

    struct StoredRules: Sendable {
        var rules: YearEndSeat.Rules
        /// 0 until the bureau first saves the year's rules ([000]'s apply until then).
        var version: Int
    }

    struct Line: Sendable {
        var unit: AssessmentUnits.Row
        var seat: YearEndSeat
        var results: YearEndSeat.Results
        /// People of the unit when seated (the bonus withheld is per person).
        var staff: Int
        var consequence: YearEndSeat.Consequence
        var bonusWithheld: Money
    }

    struct Publication: Sendable {
        var id: UUID
        var at: Int64
        var by: String
        var digest: String
        /// The digest of the stored lines as read now agrees with the one published.
        var intact: Bool
    }

    struct Seating: Sendable {
        var year: Int
        var through: CivilDate
        var rules: YearEndSeat.Rules
        var rulesVersion: Int
        var lines: [Line]
        var publication: Publication?
        /// A draft the reader may not see: the lines are left out.
        var hidden: Bool = false

        func line(_ unit: UUID) -> Line? { lines.first { $0.unit.id == unit } }
    }

    static func rules(scope: String, year: Int, on db: any Database) async throws -> StoredRules {
        let row = try await db.sql.raw(
            """
            SELECT measure, completion_permille, negotiating_for_intent, consequences, version FROM seating_rules
            WHERE jurisdiction_code = \(bind: scope) AND year = \(bind: year)
            """
        ).first()
        guard let row else { return StoredRules(rules: YearEndSeat.Rules(), version: 0) }
        let r = RowReader(row)
        let consequences =
            (try? JSONDecoder().decode([String: SeatingRecords.ConsequenceRecord].self, from: Data(try r.string("consequences").utf8)))
            ?? [:]
        return StoredRules(
            rules: YearEndSeat.Rules(
                measure: ScoreFormula.Measure(rawValue: try r.string("measure")) ?? .contractInvestment,
                completionPermille: try r.int64("completion_permille"), negotiatingForIntent: try r.int("negotiating_for_intent"),
                consequences: SeatingRecords.RulesRecord.consequences(consequences)),
            version: try r.int("version"))
    }

    /// The year's seating as the person may read it: the published one, else the draft (its lines
    /// only for the bureau, leaders and inspectors: `AccessPolicy.Deed.readSeating`).
    func seating(year: Int) async throws -> Seating {
        let user = try request.authorize(.read, .assessment)
        let scope = user.scope.value
        let stored = try await Self.rules(scope: scope, year: year, on: request.db)
        if let published = try await Self.published(scope: scope, year: year, on: request.db) {
            guard AccessPolicy.may(user.roles, .readSeating, ties: [.withinJurisdiction, .published]) else { throw AppError.forbidden }
            return published
        }
        guard AccessPolicy.may(user.roles, .readSeating, ties: .withinJurisdiction) else {
            let through = Self.through(year: year, today: request.clock.today)
            return Seating(year: year, through: through, rules: stored.rules, rulesVersion: stored.version, lines: [], hidden: true)
        }
        return try await draft(year: year, stored: stored)
    }

    /// The seating computed now from the verified results of the person's jurisdiction.
    func draft(year: Int, stored: StoredRules) async throws -> Seating {
        let user = try request.authorize(.read, .assessment)
        let units = try await AssessmentUnits.assessed(scope: user.scope, on: request.db)
        let figures = try await ProgressFigures.year(request, scope: user.scope, year: year)
        let sheets = try await TargetService.sheets(year: year, units: units.map(\.id), on: request.db)
        let staff = try await Self.staff(units.map(\.id), on: request.db)
        let lines = Self.lines(
            units: units, tally: figures.tally, negotiating: figures.negotiating, sheets: sheets.mapValues(\.sheet), staff: staff,
            rules: stored.rules)
        return Seating(year: year, through: figures.through, rules: stored.rules, rulesVersion: stored.version, lines: lines)
    }

    /// Every unit seated by the rules over the year's tally, in the hall's order.
    static func lines(
        units: [AssessmentUnits.Row], tally: CreditedResults.Tally, negotiating: [String: Int], sheets: [UUID: TargetSheet<UUID>],
        staff: [UUID: Int], rules: YearEndSeat.Rules
    ) -> [Line] {
        ordered(
            units.map { unit -> Line in
                let key = unit.id.uuidString
                let results = YearEndSeat.Results(
                    done: tally.figure(unit: key, rules.measure).done, target: sheets[unit.id]?.year[rules.measure],
                    verifiedSignings: Int(tally.figure(unit: key, .projectsSigned).done), negotiating: negotiating[key] ?? 0)
                let seat = YearEndSeat.seat(results, rules: rules)
                let consequence = rules.consequences[seat] ?? YearEndSeat.Consequence()
                let people = staff[unit.id] ?? 0
                return Line(
                    unit: unit, seat: seat, results: results, staff: people, consequence: consequence,
                    bonusWithheld: YearEndSeat.bonusWithheld(consequence, staff: people))
            })
    }

    /// Seats in the hall's order (完成席 first), within a seat the higher share of the target, then
    /// the larger result, then the name.
    static func ordered(_ lines: [Line]) -> [Line] {
        lines.sorted { a, b in
            let (sa, sb) = (YearEndSeat.allCases.firstIndex(of: a.seat)!, YearEndSeat.allCases.firstIndex(of: b.seat)!)
            if sa != sb { return sa < sb }
            let (pa, pb) = (share(a.results), share(b.results))
            if pa != pb { return pa > pb }
            if a.results.done != b.results.done { return a.results.done > b.results.done }
            return a.unit.name != b.unit.name ? a.unit.name < b.unit.name : a.unit.id.uuidString < b.unit.id.uuidString
        }
    }

    static func share(_ results: YearEndSeat.Results) -> Int64 {
        results.target.map { Achievement.permille(results.done, of: $0) } ?? -1
    }

    /// The last day a year's results count to: 31 December, or today in the current year.
    static func through(year: Int, today: CivilDate) -> CivilDate {
        year < today.year ? CivilDate(year: year, month: 12, day: 31)! : today
    }

    /// Active people per unit.
    static func staff(_ units: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !units.isEmpty else { return [:] }
        var counts: [UUID: Int] = [:]
        for row in try await db.sql.raw(
            "SELECT unit_id, COUNT(*) AS n FROM persons WHERE active = \(bind: true) AND unit_id IN (\(binds: units)) GROUP BY unit_id"
        ).all() {
            let r = RowReader(row)
            counts[try r.uuid("unit_id")] = try r.int("n")
        }
        return counts
    }
}
