import Domain
import Fluent
import FluentSQL
import Vapor

/// 目标任务: the bureau sets each unit's sheet for a year (`TargetSheet`), saved whole with its
/// version so a stale edit is refused, audited with what it replaced. Everyone reads the sheets
/// of the units they may read (`AccessPolicy.Deed.readUnitResults`).
struct TargetService {
    typealias Measure = ScoreFormula.Measure
    let request: Request

    /// The years a target may be set for: from 2000 to next year.
    static func years(today: CivilDate) -> ClosedRange<Int> { 2000...(today.year + 1) }

    /// A unit's sheet as stored.
    struct Stored: Sendable {
        var sheet: TargetSheet<UUID>
        var version: Int
        var note: String
        var setBy: UUID?
        var setAt: Int64?

        static let empty = Stored(sheet: TargetSheet(year: [:]), version: 0, note: "", setBy: nil, setAt: nil)
    }

    /// The stored sheets of some units for a year (units without one are absent).
    static func sheets(year: Int, units: [UUID], on db: any Database) async throws -> [UUID: Stored] {
        guard !units.isEmpty else { return [:] }
        let sql = db.sql
        let heads = try await sql.raw(
            "SELECT unit_id, note, version, set_by, set_at FROM target_sheets WHERE year = \(bind: year) AND unit_id IN (\(binds: units))"
        ).all()
        let figures = try await sql.raw(
            """
            SELECT unit_id, person_id, measure, quarter, amount FROM targets
            WHERE year = \(bind: year) AND unit_id IN (\(binds: units)) ORDER BY quarter
            """
        ).all()
        var stored: [UUID: Stored] = [:]
        for head in heads {
            let r = RowReader(head)
            stored[try r.uuid("unit_id")] = Stored(
                sheet: TargetSheet(year: [:]), version: try r.int("version"), note: try r.string("note"), setBy: try r.uuid("set_by"),
                setAt: try r.int64("set_at"))
        }
        for row in figures {
            let r = RowReader(row)
            let (unit, quarter, amount) = (try r.uuid("unit_id"), try r.int("quarter"), try r.int64("amount"))
            guard let measure = Measure(rawValue: try r.string("measure")), stored[unit] != nil, (0...4).contains(quarter) else { continue }
            if let person = try r.optionalUUID("person_id") {
                stored[unit]?.sheet.cadres[person, default: [:]][measure] = amount
            } else if quarter == 0 {
                stored[unit]?.sheet.year[measure] = amount
            } else {
                stored[unit]?.sheet.quarters[measure, default: [0, 0, 0, 0]][quarter - 1] = amount
            }
        }
        return stored
    }

    /// A unit whose targets the person may set: found, in their jurisdiction, and theirs to set
    /// as the bureau. Only `editable(_:)` makes one, so a save cannot skip the question, and the
    /// pages and the API ask it once, before they read a body.
    struct Editable: Sendable {
        let unit: AssessmentUnits.Row
        let dissolved: Bool
        fileprivate init(unit: AssessmentUnits.Row, dissolved: Bool) { (self.unit, self.dissolved) = (unit, dissolved) }
    }

    func editable(_ id: UUID) async throws -> Editable {
        guard let unit = try await Unit.find(id, on: request.db) else { throw AppError.notFound }
        try request.authorize(.manage, .assessment, in: unit.jurisdictionCode)
        return Editable(
            unit: .init(id: id, name: unit.name, kind: unit.kind, jurisdictionCode: unit.jurisdictionCode),
            dissolved: unit.dissolvedOn != nil)
    }

    /// Saves a unit's sheet for a year whole: `version` is the one the editor read (0 for none).
    @discardableResult
    func save(_ editable: Editable, year: Int, sheet: TargetSheet<UUID>, version: Int, note raw: String) async throws -> Stored {
        let user = try request.authorize(.manage, .assessment, in: editable.unit.jurisdictionCode)
        let unitID = editable.unit.id
        guard !editable.dissolved else {
            throw AppError.field("unit", zh: "该单位已撤销，不再下达目标任务。", en: "The unit is dissolved; it takes no targets.")
        }
        guard Self.years(today: request.clock.today).contains(year) else {
            throw AppError.field("year", zh: "年度应在 2000 年至明年之间。", en: "The year must lie between 2000 and next year.")
        }
        var errors = Self.messages(sheet.problems())
        let note = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if note.hasControlCharacters {
            errors["note"] = .init(zh: "依据中有看不见的控制字符，请删去后再保存。", en: "The note holds invisible control characters.")
        } else if note.count > 200 {
            errors["note"] = .init(zh: "依据不超过 200 字。", en: "At most 200 characters.")
        }
        let cadres = Array(sheet.cadres.keys)
        if !cadres.isEmpty {
            let members = try await Person.query(on: request.db).filter(\.$id ~~ cadres).filter(\.$unit.$id == unitID).all()
            if members.count != Set(cadres).count {
                errors["cadres"] = .init(zh: "分解到的干部须是本单位人员。", en: "Cadres must belong to the unit.")
            }
        }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let (actor, millis, person) = (request.auditActor, request.clock.millis, user.personID)
        return try await request.writeTransaction { db in
            try await Self.store(
                unitID, year: year, sheet: sheet, version: version, note: note, by: person, actor: actor, at: millis, on: db)
        }
    }

    /// Writes a checked sheet whole on `db` (the caller's transaction) if `version` is the one
    /// stored, audited `targets.set` with what it replaced; the page, the API and the import use it.
    @discardableResult
    static func store(
        _ unitID: UUID, year: Int, sheet: TargetSheet<UUID>, version: Int, note: String, by person: UUID, actor: AuditActor,
        at millis: Int64, on db: any Database
    ) async throws -> Stored {
        let before = try await Self.sheets(year: year, units: [unitID], on: db)[unitID] ?? .empty
        let next: Int
        do throws(VersionConflict) { next = try VersionCheck.next(editing: version, current: before.version) } catch {
            throw AppError.conflict(error)
        }
        let sql = db.sql
        try await sql.raw("DELETE FROM targets WHERE unit_id = \(bind: unitID) AND year = \(bind: year)").run()
        try await sql.raw("DELETE FROM target_sheets WHERE unit_id = \(bind: unitID) AND year = \(bind: year)").run()
        try await sql.raw(
            """
            INSERT INTO target_sheets (unit_id, year, note, version, set_by, set_at)
            VALUES (\(bind: unitID), \(bind: year), \(bind: note), \(bind: next), \(bind: person), \(bind: millis))
            """
        ).run()
        for row in Self.rows(sheet) {
            try await sql.raw(
                """
                INSERT INTO targets (id, unit_id, year, person_id, measure, quarter, amount)
                VALUES (\(bind: UUID()), \(bind: unitID), \(bind: year), \(bind: row.person), \(bind: row.measure.rawValue),
                  \(bind: row.quarter), \(bind: row.amount))
                """
            ).run()
        }
        try await AuditLog.append(
            on: db, by: actor, action: "targets.set", objectType: "unit", objectID: unitID.uuidString,
            before: Audited(year: year, before.sheet), after: Audited(year: year, sheet, note: note), at: millis)
        return Stored(sheet: sheet, version: next, note: note, setBy: person, setAt: millis)
    }

    /// The sheet's figures as rows: the year's (quarter 0), each quarter's, each cadre's.
    static func rows(_ sheet: TargetSheet<UUID>) -> [(person: UUID?, measure: Measure, quarter: Int, amount: Int64)] {
        var rows: [(person: UUID?, measure: Measure, quarter: Int, amount: Int64)] = []
        for measure in Measure.targeted {
            if let whole = sheet.year[measure] { rows.append((nil, measure, 0, whole)) }
            for (index, part) in (sheet.quarters[measure] ?? []).enumerated() { rows.append((nil, measure, index + 1, part)) }
            for (person, figures) in sheet.cadres.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
                if let amount = figures[measure] { rows.append((person, measure, 0, amount)) }
            }
        }
        return rows
    }

    /// What the audit record keeps: the year and every figure by measure name.
    struct Audited: Encodable, Sendable {
        var year: Int
        var targets: [String: Int64]
        var quarters: [String: [Int64]]
        var cadres: [String: [String: Int64]]
        var note: String?

        init(year: Int, _ sheet: TargetSheet<UUID>, note: String? = nil) {
            self.year = year
            targets = Dictionary(uniqueKeysWithValues: sheet.year.map { ($0.key.rawValue, $0.value) })
            quarters = Dictionary(uniqueKeysWithValues: sheet.quarters.map { ($0.key.rawValue, $0.value) })
            cadres = Dictionary(
                uniqueKeysWithValues: sheet.cadres.map { person, figures in
                    (person.uuidString, Dictionary(uniqueKeysWithValues: figures.map { ($0.key.rawValue, $0.value) }))
                })
            self.note = note
        }
    }

    /// The sheet's problems in words, by the field a form shows them at.
    static func messages(_ problems: [TargetSheet<UUID>.Problem]) -> [String: AppError.Message] {
        var messages: [String: AppError.Message] = [:]
        for problem in problems {
            switch problem {
            case .negative(let m):
                messages[m.rawValue] = .init(zh: "\(m.label)不能为负数。", en: "\(m.englishLabel) cannot be negative.")
            case .notTargeted(let m):
                messages[m.rawValue] = .init(zh: "\(m.label)不下达目标。", en: "\(m.englishLabel) takes no target.")
            case .quarterCount(let m):
                messages[m.rawValue] = .init(zh: "\(m.label)的季度分解须为四个季度。", en: "Split \(m.englishLabel) into four quarters.")
            case .tooLarge(let m):
                messages[m.rawValue] = .init(zh: "\(m.label)超出合理范围，请检查单位（万元）。", en: "\(m.englishLabel) is out of range.")
            case .quartersExceed(let m, let sum, let year):
                messages[m.rawValue] = .init(
                    zh: "\(m.label)四个季度合计 \(TargetText.amount(sum, m))，超过全年目标 \(TargetText.amount(year, m))。",
                    en: "The quarters of \(m.englishLabel) add up to more than the year.")
            case .cadresExceed(let m, let sum, let unit):
                messages["cadres"] = .init(
                    zh: "分解到干部的\(m.label)合计 \(TargetText.amount(sum, m))，超过单位目标 \(TargetText.amount(unit, m))。",
                    en: "The cadres' \(m.englishLabel) add up to more than the unit's.")
            }
        }
        return messages
    }
}
