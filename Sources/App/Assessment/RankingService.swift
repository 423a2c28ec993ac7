import Domain
import Fluent
import FluentSQL
import Vapor

/// 考核得分与排名: every assessed unit scored by the year's formula (`ScoreFormula`) over the same
/// verified tally progress and seats read (to the period's end), satisfaction and the work orders
/// answered late from §7, projects not started on time and records found false from §5; ranked
/// among its own kind (`Ranking`, ties by its stated rule). A draft until the bureau publishes the
/// period; once published, read from its lines, never recomputed, its digest checked.
struct RankingService {
    let request: Request

    struct StoredFormula: Sendable {
        var formula: ScoreFormula
        /// 0 until the bureau first saves the year's formula (the standard applies until then).
        var version: Int
    }

    struct Line: Sendable {
        var unit: AssessmentUnits.Row
        var place: Int
        var score: ScoreFormula.Score
        var targetMetOn: CivilDate?
    }

    struct Ranking: Sendable {
        var period: RankingPeriod
        var through: CivilDate
        var formula: ScoreFormula
        var formulaVersion: Int
        /// By kind (in `UnitKind`'s order), each kind's in their places.
        var lines: [Line]
        var publication: SeatingService.Publication?
        var hidden = false
    }

    static func frozen(_ year: Int) -> AppError {
        AppError(
            code: "formula_frozen", status: .conflict, zh: "\(year) 年已发布排名，考核公式已冻结，不能再改。",
            en: "A ranking of \(year) is published; its formula is frozen.")
    }

    static func formula(scope: String, year: Int, on db: any Database) async throws -> StoredFormula {
        guard
            let row = try await db.sql.raw(
                """
                SELECT weights, deductions, cap_permille, version FROM score_formulas
                WHERE jurisdiction_code = \(bind: scope) AND year = \(bind: year)
                """
            ).first()
        else { return StoredFormula(formula: .standard, version: 0) }
        let r = RowReader(row)
        let decoder = JSONDecoder()
        let record = RankingRecords.FormulaRecord(
            weights: (try? decoder.decode([String: Int].self, from: Data(try r.string("weights").utf8))) ?? [:],
            deductions: (try? decoder.decode([String: Int].self, from: Data(try r.string("deductions").utf8))) ?? [:],
            capPermille: try r.int64("cap_permille"))
        return StoredFormula(formula: (try? record.formula()) ?? .standard, version: try r.int("version"))
    }

    /// The period as the person may read it: published, else the draft (its lines for the bureau,
    /// leaders and inspectors only: `AccessPolicy.Deed.readSeating`, the rule of what is announced).
    func ranking(_ period: RankingPeriod) async throws -> Ranking {
        let user = try request.authorize(.read, .assessment)
        let scope = user.scope.value
        if let published = try await Self.published(scope: scope, period: period, on: request.db) {
            guard AccessPolicy.may(user.roles, .readSeating, ties: [.withinJurisdiction, .published]) else { throw AppError.forbidden }
            return published
        }
        let stored = try await Self.formula(scope: scope, year: period.year, on: request.db)
        guard AccessPolicy.may(user.roles, .readSeating, ties: .withinJurisdiction) else {
            return Ranking(
                period: period, through: period.through, formula: stored.formula, formulaVersion: stored.version, lines: [], hidden: true)
        }
        return try await draft(period, stored: stored)
    }

    func draft(_ period: RankingPeriod, stored: StoredFormula) async throws -> Ranking {
        let user = try request.authorize(.read, .assessment)
        let db = request.db
        let units = try await AssessmentUnits.assessed(scope: user.scope, on: db)
        let figures = try await ProgressFigures.year(request, scope: user.scope, year: period.year, through: period.through)
        let sheets = try await TargetService.sheets(year: period.year, units: units.map(\.id), on: db)
        let first = CivilDate(year: period.year, month: 1, day: 1)!
        let orders = try await Self.workOrders(units.map(\.id), from: first, through: figures.through, on: db)
        let corrected = try await Self.correctedBack(units.map(\.id), from: first, through: figures.through, on: db)
        let surveyed =
            try await request.application.satisfactionSource?.assessed(period.year, figures.through.month, user.scope.value, db) ?? [:]
        let lines = Self.lines(
            units: units, tally: figures.tally, notStarted: figures.notStarted, sheets: sheets.mapValues(\.sheet), orders: orders,
            corrected: corrected, surveyed: surveyed, formula: stored.formula)
        return Ranking(period: period, through: figures.through, formula: stored.formula, formulaVersion: stored.version, lines: lines)
    }

    /// Every unit scored by the formula and ranked among its kind, kinds in `UnitKind`'s order.
    static func lines(
        units: [AssessmentUnits.Row], tally: CreditedResults.Tally, notStarted: [String: Int], sheets: [UUID: TargetSheet<UUID>],
        orders: [UUID: Orders], corrected: [UUID: Int], surveyed: [UUID: Int64] = [:], formula: ScoreFormula
    ) -> [Line] {
        var entries: [UUID: (AssessmentUnits.Row, Domain.Ranking.Entry)] = [:]
        for unit in units {
            let key = unit.id.uuidString
            let sheet = sheets[unit.id]
            var results: [ScoreFormula.Measure: (done: Int64, target: Int64)] = [:]
            for measure in ScoreFormula.Measure.targeted {
                if let target = sheet?.year[measure] { results[measure] = (tally.figure(unit: key, measure).done, target) }
            }
            let o = orders[unit.id]
            // the enterprises' monthly verdicts first, else the requesters' as the accountability board reads them
            let satisfaction = ScoreFormula.satisfaction(
                surveys: surveyed[unit.id],
                workOrders: AccountabilityLine(
                    open: 0, overdue: 0, closed: Int(o?.closed ?? 0), late: 0, reopenedItems: 0, reopenings: Int(o?.reopenings ?? 0),
                    answeredItems: 0, totalDaysToClose: 0
                ).satisfactionPermille.map(Int64.init))
            let found: [ScoreFormula.Deduction: Int] = [
                .lateWorkOrder: Int(o?.late ?? 0), .notStartedOnTime: notStarted[key] ?? 0, .falseData: corrected[unit.id] ?? 0,
            ]
            let score = formula.score(results: results, satisfactionPermille: satisfaction, found: found)
            let met = CreditedResults.reachedOn(
                tally.figure(unit: key, .contractInvestment), target: sheet?.year[.contractInvestment] ?? 0)
            entries[unit.id] = (unit, .init(unit: key, name: unit.name, score: score, targetMetOn: met))
        }
        var lines: [Line] = []
        for kind in UnitKind.allCases where kind.isAssessed {
            let ofKind = entries.values.filter { $0.0.kind == kind }
            let rows = Dictionary(ofKind.map { ($0.1.unit, $0.0) }, uniquingKeysWith: { a, _ in a })
            for (place, entry) in Domain.Ranking.rank(ofKind.map(\.1)) {
                guard let unit = rows[entry.unit] else { continue }
                lines.append(Line(unit: unit, place: place, score: entry.score, targetMetOn: entry.targetMetOn))
            }
        }
        return lines
    }

    struct Orders: Sendable {
        var closed: Int64
        var reopenings: Int64
        var late: Int64
    }

    /// Per responsible unit, the work orders closed in the span (with their reopenings: the
    /// requesters' verdicts, as the accountability board counts satisfaction) and answered late.
    static func workOrders(_ units: [UUID], from: CivilDate, through: CivilDate, on db: any Database) async throws -> [UUID: Orders] {
        guard !units.isEmpty else { return [:] }
        let (a, b) = (from.description, through.description)
        var found: [UUID: Orders] = [:]
        for row in try await db.sql.raw(
            """
            SELECT responsible_unit_id AS unit_id,
              CAST(SUM(CASE WHEN closed_on >= \(bind: a) AND closed_on <= \(bind: b) THEN 1 ELSE 0 END) AS BIGINT) AS closed,
              CAST(SUM(CASE WHEN closed_on >= \(bind: a) AND closed_on <= \(bind: b) THEN reopen_count ELSE 0 END) AS BIGINT) AS reopenings,
              CAST(SUM(CASE WHEN answered_late = \(bind: true) AND answered_on >= \(bind: a) AND answered_on <= \(bind: b) THEN 1 ELSE 0 END)
                AS BIGINT) AS late
            FROM work_orders WHERE responsible_unit_id IN (\(binds: units)) GROUP BY responsible_unit_id
            """
        ).all() {
            let r = RowReader(row)
            found[try r.uuid("unit_id")] = Orders(
                closed: try r.int64("closed"), reopenings: try r.int64("reopenings"), late: try r.int64("late"))
        }
        return found
    }

    /// Per unit sharing the project, the stage reports of the span found false by the Domain's rule
    /// (`CreditedResults.foundFalse`: moved back along the main line); the query narrows to the
    /// backward moves the same rule lists.
    static func correctedBack(_ units: [UUID], from: CivilDate, through: CivilDate, on db: any Database) async throws -> [UUID: Int] {
        guard !units.isEmpty else { return [:] }
        let pairs: [SQLQueryString] = ProjectStage.backwardMoves.map {
            "(r.from_stage = \(bind: $0.from.rawValue) AND r.to_stage = \(bind: $0.to.rawValue))"
        }
        let backward = pairs.dropFirst().reduce(pairs[0]) { $0 + " OR " + $1 }
        var moves: [String: CreditedResults.StageMove] = [:]
        for row in try await db.sql.raw(
            """
            SELECT r.id, r.from_stage, r.to_stage, r.occurred_on, a.unit_id FROM stage_reports r
            JOIN project_attractors a ON a.project_id = r.project_id
            WHERE a.unit_id IN (\(binds: units)) AND a.basis_points > 0 AND r.occurred_on >= \(bind: from.description)
              AND r.occurred_on <= \(bind: through.description) AND (\(backward))
            """
        ).all() {
            let r = RowReader(row)
            let id = try r.uuid("id").uuidString
            guard let on = CivilDate(try r.string("occurred_on")) else { continue }
            let unit = try r.uuid("unit_id").uuidString
            if moves[id] == nil {
                moves[id] = .init(
                    report: id, from: try r.optionalString("from_stage").flatMap(ProjectStage.init(rawValue:)),
                    to: try r.value("to_stage", as: ProjectStage.self), on: on, units: [])
            }
            moves[id]?.units.append(unit)
        }
        return Dictionary(
            uniqueKeysWithValues: CreditedResults.foundFalse(Array(moves.values), from: from, through: through).compactMap { key, count in
                UUID(uuidString: key).map { ($0, count) }
            })
    }
}
