import Domain
import Fluent
import FluentSQL
import Vapor

/// 容错纠错 cases (SPEC §10): the bureau or an inspector opens a case for a cadre of the
/// jurisdiction and gathers the checklist with evidence; an inspector alone decides, publishes a
/// clearing of name for a case tolerated and records the visits to a cadre not tolerated. Every
/// step checks the version the page showed and is audited.
struct ToleranceService {
    let request: Request

    func cases() async throws -> [ToleranceCaseRecord] {
        let user = try request.authorize(.read, .tolerance)
        return try await ToleranceRead.cases(scope: user.scope.value, today: request.clock.today, on: request.db)
    }

    /// The route gate's question for a case named in a route with a body: the jurisdiction's, or 404.
    static func installGate(_ app: Application) {
        app.objectGates.checks["toleranceCase"] = { request, id, _ in _ = try await ToleranceService(request: request).find(id) }
    }

    func find(_ id: UUID) async throws -> ToleranceCaseRecord {
        let user = try request.authorize(.read, .tolerance)
        guard let found = try await ToleranceRead.find(id, scope: user.scope.value, today: request.clock.today, on: request.db) else {
            throw AppError.notFound
        }
        return found
    }

    struct OpenInput: Content {
        var personID: UUID?
        var projectID: UUID?
        var title: String?
        var facts: String?
        var occurredOn: String?
    }

    /// Checks a text typed: trimmed, within its length, no invisible characters.
    static func text(
        _ value: String?, _ field: String, _ label: String, _ range: ClosedRange<Int>, into errors: inout [String: AppError.Message]
    )
        -> String
    {
        let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            errors[field] = .required(label, field)
        } else if text.hasInvisibleCharacters {
            errors[field] = .init(zh: "\(label)中有看不见的字符，请删去。", en: "Invisible characters.")
        } else if !range.contains(text.count) {
            errors[field] = .init(zh: "\(label)应为 \(range.lowerBound) 至 \(range.upperBound) 字。", en: "\(range) characters.")
        }
        return text
    }

    /// A date typed: in 2000 … today.
    static func date(
        _ value: String?, _ field: String, today: CivilDate, notBefore: CivilDate? = nil, into errors: inout [String: AppError.Message]
    )
        -> CivilDate?
    {
        guard let date = CivilDate((value ?? "").trimmingCharacters(in: .whitespaces)) else {
            errors[field] = .init(zh: "请填写日期（如 2026-11-27）。", en: "A date, e.g. 2026-11-27.")
            return nil
        }
        if date > today { errors[field] = .init(zh: "日期不能晚于今天。", en: "Not after today.") }
        if date.year < 2000 { errors[field] = .init(zh: "日期不能早于 2000 年。", en: "Not before 2000.") }
        if let notBefore, date < notBefore {
            errors[field] = .init(zh: "日期不能早于\(notBefore.description)。", en: "Not before \(notBefore.description).")
        }
        return date
    }

    func open(_ input: OpenInput) async throws -> ToleranceCaseRecord {
        let user = try request.authorize(.write, .tolerance)
        try AppError.checkText(["title": input.title, "facts": input.facts])
        var errors: [String: AppError.Message] = [:]
        let today = request.clock.today
        let title = Self.text(input.title, "title", "事由", 4...100, into: &errors)
        let facts = Self.text(input.facts, "facts", "基本事实", 10...ToleranceCase.factsLimit, into: &errors)
        let occurred = Self.date(input.occurredOn, "occurredOn", today: today, into: &errors)
        let scope = user.scope
        let inScope: SQLQueryString =
            "u.jurisdiction_code >= \(bind: scope.prefix) AND u.jurisdiction_code < \(bind: scope.prefix + "~")"
        if let person = input.personID {
            let found = try await request.db.sql.raw(
                "SELECT p.id FROM persons p JOIN units u ON u.id = p.unit_id WHERE p.id = \(bind: person) AND \(inScope)"
            ).first()
            if found == nil { errors["personID"] = .init(zh: "辖区内没有这名干部。", en: "No such cadre in the jurisdiction.") }
        } else {
            errors["personID"] = .required("干部", "personID")
        }
        if let project = input.projectID {
            let found = try await request.db.sql.raw(
                "SELECT id FROM projects WHERE id = \(bind: project) AND jurisdiction_code >= \(bind: scope.prefix) AND jurisdiction_code < \(bind: scope.prefix + "~")"
            ).first()
            if found == nil { errors["projectID"] = .init(zh: "辖区内没有这个项目。", en: "No such project in the jurisdiction.") }
        }
        guard errors.isEmpty, let person = input.personID, let occurred else { throw AppError.validation(errors) }
        let id = UUID()
        let (actor, millis, year) = (request.auditActor, request.clock.millis, today.year)
        let project = input.projectID
        try await request.writeTransaction { db in
            let number = try await NumberSequence.next("tolerance|\(scope.value)|\(year)", on: db) {
                Int(
                    try await db.sql.raw(
                        "SELECT CAST(MAX(number) AS BIGINT) AS n FROM tolerance_cases WHERE jurisdiction_code = \(bind: scope.value) AND year = \(bind: year)"
                    ).first().flatMap { try RowReader($0).optionalInt64("n") } ?? 0)
            }
            try await db.sql.raw(
                """
                INSERT INTO tolerance_cases (id, jurisdiction_code, year, number, person_id, project_id, title, facts, occurred_on, state,
                  opened_by, opened_at, version)
                VALUES (\(bind: id), \(bind: scope.value), \(bind: year), \(bind: number), \(bind: person), \(bind: project), \(bind: title),
                  \(bind: facts), \(bind: occurred.description), \(bind: ToleranceCase.State.open.rawValue), \(bind: user.personID),
                  \(bind: millis), 1)
                """
            ).run()
            try await AuditLog.append(
                on: db, by: actor, action: "tolerance.open", objectType: "tolerance", objectID: id.uuidString,
                after: ["person": person.uuidString, "title": title, "occurredOn": occurred.description, "number": String(number)],
                at: millis)
        }
        return try await find(id)
    }

    /// Moves the case's version on, or 409 when the page was stale.
    static func bump(_ id: UUID, version: Int, set: SQLQueryString? = nil, on db: any Database) async throws {
        // (PostgreSQL refuses a column assigned twice in one UPDATE: `version` is set here alone)
        var assignments: SQLQueryString = "version = version + 1"
        if let set { assignments = "\(set), version = version + 1" }
        let updated = try await db.sql.raw(
            "UPDATE tolerance_cases SET \(assignments) WHERE id = \(bind: id) AND version = \(bind: version) RETURNING id"
        ).first()
        guard updated != nil else { throw AppError.conflict(VersionConflict(expected: version, current: version + 1)) }
    }

    static let decided = AppError(
        code: "case_decided", status: .conflict, zh: "该案件已作出认定，不能再修改核查清单或重新认定。", en: "The case is decided.")

    /// Ticks the checklist: each item's finding with its evidence (a finding either way needs it).
    func setChecklist(_ id: UUID, _ checks: [ToleranceCase.Item: ToleranceCase.Check], version: Int) async throws -> ToleranceCaseRecord {
        try request.authorize(.write, .tolerance)
        let found = try await find(id)
        guard found.state == .open else { throw Self.decided }
        try AppError.checkText(
            Dictionary(uniqueKeysWithValues: checks.map { ("evidence-\($0.key.rawValue)", Optional($0.value.evidence)) }))
        var errors: [String: AppError.Message] = [:]
        for problem in ToleranceCase.problems(checks) {
            switch problem {
            case .evidenceMissing(let item): errors["evidence-" + item.rawValue] = .init(zh: "请写明依据（证据材料、谈话记录等）。", en: "Evidence needed.")
            case .evidenceTooLong(let item):
                errors["evidence-" + item.rawValue] = .init(zh: "依据不能超过 \(ToleranceCase.evidenceLimit) 字。", en: "Too long.")
            default: break
            }
        }
        for (item, check) in checks where check.evidence.hasInvisibleCharacters {
            errors["evidence-" + item.rawValue] = .init(zh: "依据中有看不见的字符，请删去。", en: "Invisible characters.")
        }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let (actor, millis) = (request.auditActor, request.clock.millis)
        try await request.writeTransaction { db in
            try await Self.bump(id, version: version, on: db)
            for (item, check) in checks.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                try await db.sql.raw("DELETE FROM tolerance_checks WHERE case_id = \(bind: id) AND item = \(bind: item.rawValue)").run()
                try await db.sql.raw(
                    """
                    INSERT INTO tolerance_checks (id, case_id, item, finding, evidence)
                    VALUES (\(bind: UUID()), \(bind: id), \(bind: item.rawValue), \(bind: check.finding.rawValue),
                      \(bind: check.evidence.trimmingCharacters(in: .whitespacesAndNewlines)))
                    """
                ).run()
            }
            try await AuditLog.append(
                on: db, by: actor, action: "tolerance.checklist", objectType: "tolerance", objectID: id.uuidString,
                after: Dictionary(uniqueKeysWithValues: checks.map { ($0.key.rawValue, $0.value.finding.rawValue) }), at: millis)
        }
        return try await find(id)
    }
}
