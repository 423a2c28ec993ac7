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
    }

    /// The facts of a jurisdiction's projects (and those inside it) as the tally reads them.
    static func facts(scope: JurisdictionCode, on db: any Database) async throws -> (
        projects: [CreditedResults.Project], titles: [String: String]
    ) {
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
        let titles = try await sql.raw("SELECT p.id, p.title FROM projects p WHERE \(inScope)").all()
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
        let projects = Set(byProject.keys).union(sharesBy.keys).map { id -> CreditedResults.Project in
            let facts = ProjectFacts.from(byProject[id] ?? [])
            return CreditedResults.Project(
                id: id.uuidString, shares: sharesBy[id] ?? [], signing: facts.signing, startedOn: facts.entered[.started],
                producingOn: facts.entered[.producing])
        }
        let named = try titles.map { row in
            let r = RowReader(row)
            return (try r.uuid("id").uuidString, try r.string("title"))
        }
        return (projects, Dictionary(named, uniquingKeysWith: { first, _ in first }))
    }

    /// Verified funds entries of the jurisdiction's projects that arrived in the span.
    static func funds(scope: JurisdictionCode, from: CivilDate, through: CivilDate, on db: any Database) async throws
        -> [CreditedResults.Funds]
    {
        try await db.sql.raw(
            """
            SELECT f.id, f.project_id, f.arrived_on, f.amount_minor, f.currency, f.is_foreign
            FROM funds_arrivals f JOIN projects p ON p.id = f.project_id
            WHERE p.jurisdiction_code >= \(bind: scope.prefix) AND p.jurisdiction_code < \(bind: scope.prefix + "~")
              AND f.verified_by IS NOT NULL AND f.arrived_on >= \(bind: from.description) AND f.arrived_on <= \(bind: through.description)
            """
        ).all().compactMap { row in
            let r = RowReader(row)
            guard let arrived = CivilDate(try r.string("arrived_on")) else { return nil }
            return CreditedResults.Funds(
                id: try r.uuid("id").uuidString, project: try r.uuid("project_id").uuidString, arrivedOn: arrived,
                amount: Money(minorUnits: try r.int64("amount_minor"), currency: Currency(rawValue: try r.string("currency")) ?? .cny),
                isForeign: try r.bool("is_foreign"))
        }
    }

    /// The year's tally for a jurisdiction, kept 30 s and dropped by any write of the process.
    static func year(_ request: Request, scope: JurisdictionCode, year: Int) async throws -> Year {
        let today = request.clock.today
        let through = year < today.year ? CivilDate(year: year, month: 12, day: 31)! : today
        let lastThrough = CreditedResults.sameDayLastYear(through)
        let rates = try await ExchangeRate.table(request)
        let major = try await SettingsService.inEffect(request, for: scope.value, on: through).majorThreshold
        let db = request.application.figuresDB
        let key = ShortCache.writeSensitive + "progress|\(scope.value)|\(year)|\(through)"
        return try await request.application.shortCache.value(key, ttl: 30) {
            let (projects, titles) = try await facts(scope: scope, on: db)
            let first = CivilDate(year: year, month: 1, day: 1)!
            let lastFirst = CivilDate(year: year - 1, month: 1, day: 1)!
            let funds = try await Self.funds(scope: scope, from: lastFirst, through: through, on: db)
            return Year(
                year: year, through: through,
                tally: CreditedResults.tally(
                    projects: projects, funds: funds, from: first, through: through, rates: rates, majorThreshold: major),
                lastYear: CreditedResults.tally(
                    projects: projects, funds: funds, from: lastFirst, through: lastThrough, rates: rates, majorThreshold: major),
                titles: titles)
        }
    }

    /// A unit's lines: every targeted measure, done against the year's target.
    static func lines(_ figures: Year, unit: UUID, sheet: TargetSheet<UUID>?) -> [ProgressLine] {
        Measure.targeted.map { measure in
            ProgressLine(
                measure: measure, done: figures.tally.figure(unit: unit.uuidString, measure).done, target: sheet?.year[measure],
                lastYear: figures.lastYear.figure(unit: unit.uuidString, measure).done)
        }
    }
}

/// Targets and results the way a bureau writes them: money in 万元 (CNY) or 万美元 (USD), counts
/// in 个; typed the same way.
enum TargetText {
    static func amount(_ value: Int64, _ measure: ScoreFormula.Measure) -> String {
        switch measure.kind {
        case .money(let currency): ChineseAmount.format(Money(minorUnits: value, currency: currency))
        case .count: "\(value) 个"
        }
    }

    /// The unit a form asks the figure in.
    static func inputUnit(_ measure: ScoreFormula.Measure) -> String {
        switch measure.kind {
        case .money(.usd): "万美元"
        case .money: "万元"
        case .count: "个"
        }
    }

    /// A figure as typed in `inputUnit`: 万 to two places for money, whole numbers for counts;
    /// nil for nonsense (a negative sign included: the sheet's rules say so in words).
    static func parse(_ raw: String, _ measure: ScoreFormula.Measure) -> Int64? {
        let text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        switch measure.kind {
        case .money:
            // hundredths of 万 → minor units (1万 = 1,000,000 fen)
            return FixedPoint.parse(text, places: 2, maxWhole: 100_000_000).map { $0 * 10_000 }
        case .count:
            return Int64(text).flatMap { $0 >= 0 && $0 <= 1_000_000 ? $0 : nil }
        }
    }

    /// A figure for the form: 万 with up to two places, or the count.
    static func input(_ value: Int64?, _ measure: ScoreFormula.Measure) -> String {
        guard let value else { return "" }
        switch measure.kind {
        case .money:
            let hundredths = value / 10_000
            let fraction = hundredths % 100
            return fraction == 0 ? "\(hundredths / 100)" : "\(hundredths / 100)." + (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        case .count: return "\(value)"
        }
    }
}
