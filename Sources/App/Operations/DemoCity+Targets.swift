import Domain
import Fluent
import FluentSQL
import Vapor

extension DemoCity {
    /// Three years of targets (目标任务) for every assessed unit, set by the bureau: each measure
    /// asks between 60% and 150% of what the unit's verified results come to over the whole year
    /// (this year's results so far scaled to the year), rounded the way a bureau writes a task — so
    /// some units run ahead of 序时进度 and some behind; a unit with no result at all is still
    /// asked for 5,000万元 and one signing, and sits at zero.
    func createTargets(app: Application, _ rng: inout SeededRandom) async throws {
        let db = app.db
        let today = app.clock.today
        let rates = try await ExchangeRate.table(on: db)
        let province = try JurisdictionCode(Self.provinceCode)
        let first = CivilDate(year: today.year - 2, month: 1, day: 1)!
        let facts = try await ProgressFigures.read(scope: province, funds: first...today, on: db)
        let (projects, funds) = (facts.projects, facts.funds)
        let units = try await db.sql.raw("SELECT id, kind FROM units WHERE dissolved_on IS NULL ORDER BY id").all().compactMap { row in
            let r = RowReader(row)
            let kind = UnitKind(rawValue: try r.string("kind"))
            return kind?.isAssessed == true ? try r.uuid("id") : nil
        }
        guard let setter = try await Person.query(on: db).filter(\.$login == "demo-bureau").first()?.id else { return }
        let millis = app.clock.millis
        var sheets: [(unit: UUID, year: Int, sheet: TargetSheet<UUID>)] = []
        for year in (today.year - 2)...today.year {
            let from = CivilDate(year: year, month: 1, day: 1)!
            let through = year < today.year ? CivilDate(year: year, month: 12, day: 31)! : today
            let (days, of) = CalendarProgress.elapsed(on: through)
            let tally = CreditedResults.tally(
                projects: projects, funds: funds, from: from, through: through, rates: rates)
            for unit in units {
                var sheet = TargetSheet<UUID>(year: [:])
                for measure in ScoreFormula.Measure.targeted {
                    let done = tally.figure(unit: unit.uuidString, measure).done
                    let yearly = done * Int64(of) / Int64(max(days, 1))
                    let percent = Int64(60 + rng.next() % 91)
                    sheet.year[measure] = Self.roundTarget(yearly * percent / 100, measure)
                }
                if sheet.year.values.allSatisfy({ $0 == 0 }) {
                    sheet.year[.contractInvestment] = 5_000 * 1_000_000
                    sheet.year[.projectsSigned] = 1
                }
                sheets.append((unit, year, sheet))
            }
        }
        let written = sheets
        try await app.writeTransaction { db in
            let sql = db.sql
            for (number, entry) in written.enumerated() {
                try await sql.raw(
                    """
                    INSERT INTO target_sheets (unit_id, year, note, version, set_by, set_at)
                    VALUES (\(bind: entry.unit), \(bind: entry.year), \(bind: "演示市招商〔\(entry.year)〕\(number % 9 + 1)号"), 1,
                      \(bind: setter), \(bind: millis))
                    """
                ).run()
                for row in TargetService.rows(entry.sheet) {
                    try await sql.raw(
                        """
                        INSERT INTO targets (id, unit_id, year, person_id, measure, quarter, amount)
                        VALUES (\(bind: UUID()), \(bind: entry.unit), \(bind: entry.year), \(bind: row.person),
                          \(bind: row.measure.rawValue), \(bind: row.quarter), \(bind: row.amount))
                        """
                    ).run()
                }
            }
            try await AuditLog.append(
                on: db, by: .system("demo"), action: "demo.targets", objectType: "database", objectID: "-",
                after: ["sheets": String(written.count)], at: millis)
        }
    }

    /// A target as a bureau writes one: money to the 100万 (at least 100万), counts whole.
    static func roundTarget(_ value: Int64, _ measure: ScoreFormula.Measure) -> Int64 {
        guard case .money = measure.kind else { return value }
        let step: Int64 = 100 * 1_000_000
        return value <= 0 ? 0 : max(step, (value + step / 2) / step * step)
    }
}
