import Domain
import Fluent
import FluentSQL
import Vapor

/// What only an inspector does with a case (SPEC §10): decide it, clear the cadre's name in public
/// when it was tolerated, and record the visits to a cadre it was not.
extension ToleranceService {
    /// 予以容错 or 不予容错, with the reasons; tolerating needs the decisive items to hold with evidence.
    func decide(_ id: UUID, to state: ToleranceCase.State, reasons typed: String?, version: Int) async throws -> ToleranceCaseRecord {
        let user = try request.authorize(.manage, .tolerance)
        let found = try await find(id)
        try AppError.checkText(["decision": typed])
        var errors: [String: AppError.Message] = [:]
        let reasons = Self.text(typed, "decision", "认定理由", 10...2_000, into: &errors)
        let problems = ToleranceCase.problems(deciding: state, from: found.state, checks: found.checksByItem)
        if problems.contains(.decided) {
            throw found.state == .open ? AppError.field("state", zh: "请选择认定结论。", en: "Choose.") : Self.decided
        }
        let unheld = problems.compactMap { if case .decisiveNotHeld(let item) = $0 { item } else { nil } }
        if !unheld.isEmpty {
            errors["state"] = .init(
                zh: "予以容错须以下各项经核实“符合”并写明依据：" + unheld.map(\.label).joined(separator: "；") + "。",
                en: "To tolerate, these must hold with evidence: " + unheld.map(\.rawValue).joined(separator: ", "))
        }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let (actor, millis, today) = (request.auditActor, request.clock.millis, request.clock.today)
        try await request.writeTransaction { db in
            try await Self.bump(
                id, version: version,
                set:
                    "state = \(bind: state.rawValue), decided_by = \(bind: user.personID), decided_on = \(bind: today.description), decision = \(bind: reasons)",
                on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "tolerance.decide", objectType: "tolerance", objectID: id.uuidString,
                before: ["state": found.state.rawValue], after: ["state": state.rawValue, "decision": reasons], at: millis)
        }
        return try await find(id)
    }

    /// 澄清正名: the statement published for a case tolerated, once.
    func clear(_ id: UUID, statement typed: String?, version: Int) async throws -> ToleranceCaseRecord {
        try request.authorize(.manage, .tolerance)
        let found = try await find(id)
        guard found.state == .tolerated, found.clearing == nil else {
            throw AppError(
                code: "case_state", status: .conflict, zh: found.clearing == nil ? "只有予以容错的案件才能澄清正名。" : "该案件已经澄清正名。",
                en: "Only a tolerated case is cleared, once.")
        }
        try AppError.checkText(["clearing": typed])
        var errors: [String: AppError.Message] = [:]
        let statement = Self.text(typed, "clearing", "澄清说明", 10...2_000, into: &errors)
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let (actor, millis, today) = (request.auditActor, request.clock.millis, request.clock.today)
        try await request.writeTransaction { db in
            try await Self.bump(id, version: version, set: "clearing = \(bind: statement), cleared_on = \(bind: today.description)", on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "tolerance.clear", objectType: "tolerance", objectID: id.uuidString,
                after: ["clearing": statement, "clearedOn": today.description], at: millis)
        }
        return try await find(id)
    }

    struct VisitInput: Content {
        var visitedOn: String?
        var visitor: String?
        var outcome: String?
    }

    /// 回访: a dated visit to a cadre not tolerated, with its outcome.
    func addVisit(_ id: UUID, _ input: VisitInput) async throws -> ToleranceCaseRecord {
        let user = try request.authorize(.manage, .tolerance)
        let found = try await find(id)
        guard found.state == .notTolerated else {
            throw AppError(code: "case_state", status: .conflict, zh: "回访记录用于不予容错、受到处理的干部。", en: "Visits are for a cadre not tolerated.")
        }
        try AppError.checkText(["visitor": input.visitor, "outcome": input.outcome])
        var errors: [String: AppError.Message] = [:]
        let today = request.clock.today
        let visited = Self.date(
            input.visitedOn, "visitedOn", today: today, notBefore: found.decidedOn.flatMap(CivilDate.init), into: &errors)
        let visitor = Self.text(input.visitor, "visitor", "回访人", 2...60, into: &errors)
        let outcome = Self.text(input.outcome, "outcome", "回访情况", 4...1_000, into: &errors)
        guard errors.isEmpty, let visited else { throw AppError.validation(errors) }
        let (actor, millis) = (request.auditActor, request.clock.millis)
        try await request.writeTransaction { db in
            try await Self.bump(id, version: found.version, on: db)
            try await db.sql.raw(
                """
                INSERT INTO tolerance_visits (id, case_id, visited_on, visitor, outcome, recorded_by, recorded_at)
                VALUES (\(bind: UUID()), \(bind: id), \(bind: visited.description), \(bind: visitor), \(bind: outcome), \(bind: user.personID),
                  \(bind: millis))
                """
            ).run()
            try await AuditLog.append(
                on: db, by: actor, action: "tolerance.visit", objectType: "tolerance", objectID: id.uuidString,
                after: ["visitedOn": visited.description, "visitor": visitor, "outcome": outcome], at: millis)
        }
        return try await find(id)
    }
}
