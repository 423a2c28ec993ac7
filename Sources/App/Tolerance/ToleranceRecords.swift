import Domain
import Fluent
import FluentSQL
import Vapor

/// A 容错纠错 case as read back: its facts, checklist, decision, clearing and visits.
struct ToleranceCaseRecord: Content, Sendable {
    struct CheckRecord: Content, Sendable {
        var item: ToleranceCase.Item
        var label: String
        var rule: String
        var decisive: Bool
        var finding: ToleranceCase.Finding
        var evidence: String
    }

    struct VisitRecord: Content, Sendable {
        var visitedOn: String
        var visitor: String
        var outcome: String
        var recordedBy: String
    }

    var id: UUID
    /// 容错〔2026〕3号
    var reference: String
    var personID: UUID
    var personName: String
    var personPost: String
    var unitName: String
    var projectID: UUID?
    var projectName: String?
    var title: String
    var facts: String
    var occurredOn: String
    var state: ToleranceCase.State
    var openedBy: String
    var openedAt: Int64
    var decidedBy: String?
    var decidedOn: String?
    var decision: String?
    var clearing: String?
    var clearedOn: String?
    var version: Int
    var checks: [CheckRecord]
    var visits: [VisitRecord]
    /// A cadre not tolerated with no visit in the last six months (or none yet a month on).
    var visitDue: Bool

    var checksByItem: [ToleranceCase.Item: ToleranceCase.Check] {
        Dictionary(uniqueKeysWithValues: checks.map { ($0.item, ToleranceCase.Check(finding: $0.finding, evidence: $0.evidence)) })
    }

    static func reference(year: Int, number: Int) -> String { "容错〔\(year)〕\(number)号" }
}

enum ToleranceRead {
    static let columns = """
        c.id, c.year, c.number, c.person_id, p.name AS person_name, p.post AS person_post, u.name AS unit_name, c.project_id,
        pr.title AS project_name, c.title, c.facts, c.occurred_on, c.state, o.name AS opened_by, c.opened_at, d.name AS decided_by,
        c.decided_on, c.decision, c.clearing, c.cleared_on, c.version
        FROM tolerance_cases c JOIN persons p ON p.id = c.person_id JOIN units u ON u.id = p.unit_id
        JOIN persons o ON o.id = c.opened_by LEFT JOIN persons d ON d.id = c.decided_by LEFT JOIN projects pr ON pr.id = c.project_id
        """

    /// The jurisdiction's cases, the newest first.
    static func cases(scope: String, today: CivilDate, on db: any Database) async throws -> [ToleranceCaseRecord] {
        try await records(
            try await db.sql.raw(
                "SELECT \(unsafeRaw: columns) WHERE c.jurisdiction_code = \(bind: scope) ORDER BY c.year DESC, c.number DESC"
            ).all(), today: today, on: db)
    }

    static func find(_ id: UUID, scope: String, today: CivilDate, on db: any Database) async throws -> ToleranceCaseRecord? {
        try await records(
            try await db.sql.raw("SELECT \(unsafeRaw: columns) WHERE c.id = \(bind: id) AND c.jurisdiction_code = \(bind: scope)").all(),
            today: today, on: db
        ).first
    }

    /// The names cleared in public, newest first (no account needed to read them).
    static func clearings(today: CivilDate, on db: any Database) async throws -> [ToleranceCaseRecord] {
        try await records(
            try await db.sql.raw(
                "SELECT \(unsafeRaw: columns) WHERE c.cleared_on IS NOT NULL ORDER BY c.cleared_on DESC, c.number DESC LIMIT 200"
            ).all(), today: today, on: db)
    }

    /// The cases of `rows` with their checklists and visits: three reads whatever their number.
    static func records(_ rows: [any SQLRow], today: CivilDate, on db: any Database) async throws -> [ToleranceCaseRecord] {
        let ids = try rows.map { try RowReader($0).uuid("id") }
        guard !ids.isEmpty else { return [] }
        var checks: [UUID: [ToleranceCase.Item: ToleranceCase.Check]] = [:]
        for row in try await db.sql.raw(
            "SELECT case_id, item, finding, evidence FROM tolerance_checks WHERE case_id IN (\(binds: ids))"
        ).all() {
            let c = RowReader(row)
            guard let item = ToleranceCase.Item(rawValue: try c.string("item")) else { continue }
            checks[try c.uuid("case_id"), default: [:]][item] = .init(
                finding: try c.value("finding", as: ToleranceCase.Finding.self), evidence: try c.string("evidence"))
        }
        var visits: [UUID: [ToleranceCaseRecord.VisitRecord]] = [:]
        for row in try await db.sql.raw(
            """
            SELECT v.case_id, v.visited_on, v.visitor, v.outcome, p.name FROM tolerance_visits v JOIN persons p ON p.id = v.recorded_by
            WHERE v.case_id IN (\(binds: ids)) ORDER BY v.visited_on, v.recorded_at
            """
        ).all() {
            let v = RowReader(row)
            visits[try v.uuid("case_id"), default: []].append(
                .init(
                    visitedOn: try v.string("visited_on"), visitor: try v.string("visitor"), outcome: try v.string("outcome"),
                    recordedBy: try v.string("name")))
        }
        return try rows.map { try record($0, checks: checks, visits: visits, today: today) }
    }

    static func record(
        _ row: any SQLRow, checks: [UUID: [ToleranceCase.Item: ToleranceCase.Check]], visits: [UUID: [ToleranceCaseRecord.VisitRecord]],
        today: CivilDate
    ) throws -> ToleranceCaseRecord {
        let r = RowReader(row)
        let id = try r.uuid("id")
        let visited = visits[id] ?? []
        let state = try r.value("state", as: ToleranceCase.State.self)
        let decidedOn = try r.optionalString("decided_on")
        let due =
            state == .notTolerated
            && ToleranceCase.visitDue(
                decidedOn: decidedOn.flatMap(CivilDate.init) ?? today, visits: visited.compactMap { CivilDate($0.visitedOn) }, today: today)
        return ToleranceCaseRecord(
            id: id, reference: ToleranceCaseRecord.reference(year: try r.int("year"), number: try r.int("number")),
            personID: try r.uuid("person_id"), personName: try r.string("person_name"), personPost: try r.string("person_post"),
            unitName: try r.string("unit_name"), projectID: try r.optionalUUID("project_id"),
            projectName: try r.optionalString("project_name"),
            title: try r.string("title"), facts: try r.string("facts"), occurredOn: try r.string("occurred_on"), state: state,
            openedBy: try r.string("opened_by"), openedAt: try r.int64("opened_at"), decidedBy: try r.optionalString("decided_by"),
            decidedOn: decidedOn, decision: try r.optionalString("decision"), clearing: try r.optionalString("clearing"),
            clearedOn: try r.optionalString("cleared_on"), version: try r.int("version"),
            checks: ToleranceCase.Item.allCases.map { item in
                let check = checks[id]?[item] ?? .init(finding: .unknown, evidence: "")
                return .init(
                    item: item, label: item.label, rule: item.rule, decisive: item.decisive, finding: check.finding,
                    evidence: check.evidence)
            }, visits: visited, visitDue: due)
    }
}
