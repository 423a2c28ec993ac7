import Domain
import Fluent
import FluentSQL
import Vapor

/// 提拔后备库: the records of the jurisdiction's pool, kept in order and never changed
/// (`ReservePool`); the bureau adds one — a cadre entered or withdrawn — audited.
struct ReservePoolService {
    let request: Request

    struct Record: Sendable {
        var id: UUID
        var entry: ReservePool.Entry
        var personName: String
        var unitName: String
        var recordedBy: String
        var recordedAt: Int64
    }

    /// Every record of the jurisdiction, oldest first, for those who may read the pool.
    func records() async throws -> [Record] {
        let user = try request.authorize(.read, .assessment)
        guard AccessPolicy.may(user.roles, .readReservePool, ties: .withinJurisdiction) else { throw AppError.forbidden }
        return try await Self.records(scope: user.scope.value, on: request.db)
    }

    static func records(scope: String, person: UUID? = nil, on db: any Database) async throws -> [Record] {
        let only: SQLQueryString = person.map { " AND e.person_id = \(bind: $0)" } ?? ""
        return try await db.sql.raw(
            """
            SELECT e.id, e.sequence, e.person_id, e.year, e.action, e.source, e.reason, e.decided_by, e.decided_on, e.recorded_at,
              p.name AS person_name, u.name AS unit_name, r.name AS recorder
            FROM reserve_pool_entries e JOIN persons p ON p.id = e.person_id JOIN units u ON u.id = p.unit_id
              JOIN persons r ON r.id = e.recorded_by
            WHERE e.jurisdiction_code = \(bind: scope)\(only) ORDER BY e.sequence
            """
        ).all().map { row in
            let r = RowReader(row)
            let entry = ReservePool.Entry(
                person: try r.uuid("person_id").uuidString, year: try r.int("year"),
                action: try r.value("action", as: ReservePool.Action.self),
                source: try r.value("source", as: ReservePool.Source.self), reason: try r.string("reason"),
                decidedBy: try r.string("decided_by"),
                decidedOn: CivilDate(try r.string("decided_on")) ?? CivilDate(year: 2000, month: 1, day: 1)!,
                sequence: try r.int64("sequence"))
            return Record(
                id: try r.uuid("id"), entry: entry, personName: try r.string("person_name"), unitName: try r.string("unit_name"),
                recordedBy: try r.string("recorder"), recordedAt: try r.int64("recorded_at"))
        }
    }

    struct Input: Sendable {
        var person: UUID
        var year: Int
        var action: ReservePool.Action
        var source: ReservePool.Source
        var reason: String
        var decidedBy: String
        var decidedOn: CivilDate
    }

    /// Adds a record: the person must work in the jurisdiction; entering someone already in, or
    /// withdrawing someone not in, is refused by name.
    @discardableResult
    func add(_ input: Input) async throws -> Record {
        let user = try request.authorize(.manage, .assessment)
        guard let person = try await Person.find(input.person, on: request.db),
            let unit = try await Unit.find(person.$unit.id, on: request.db),
            let code = try? JurisdictionCode(unit.jurisdictionCode), user.scope.contains(code)
        else {
            throw AppError.field("person", zh: "辖区内没有这名干部。", en: "No such cadre in the jurisdiction.")
        }
        try AppError.checkText(["reason": input.reason, "decidedBy": input.decidedBy])
        let scope = user.scope.value
        let (actor, millis, today) = (request.auditActor, request.clock.millis, request.clock.today)
        let recorder = user.personID
        let id = UUID()
        try await request.writeTransaction { db in
            let kept = try await Self.records(scope: scope, person: input.person, on: db).map(\.entry)
            var entry = ReservePool.Entry(
                person: input.person.uuidString, year: input.year, action: input.action, source: input.source,
                reason: input.reason.trimmingCharacters(in: .whitespacesAndNewlines),
                decidedBy: input.decidedBy.trimmingCharacters(in: .whitespacesAndNewlines), decidedOn: input.decidedOn, sequence: 0)
            let problems = ReservePool.problems(entry, kept: kept, today: today)
            guard problems.isEmpty else { throw AppError.validation(Self.messages(problems, name: person.name)) }
            entry.sequence = Int64(
                try await NumberSequence.next("reserve-pool|\(scope)", on: db) {
                    Int(try await Self.records(scope: scope, on: db).last?.entry.sequence ?? 0)
                })
            try await db.sql.raw(
                """
                INSERT INTO reserve_pool_entries (id, jurisdiction_code, sequence, person_id, year, action, source, reason, decided_by,
                  decided_on, recorded_by, recorded_at)
                VALUES (\(bind: id), \(bind: scope), \(bind: entry.sequence), \(bind: input.person), \(bind: entry.year),
                  \(bind: entry.action.rawValue), \(bind: entry.source.rawValue), \(bind: entry.reason), \(bind: entry.decidedBy),
                  \(bind: entry.decidedOn.description), \(bind: recorder), \(bind: millis))
                """
            ).run()
            try await AuditLog.append(
                on: db, by: actor, action: "reserve.\(entry.action.rawValue)", objectType: "person", objectID: input.person.uuidString,
                after: [
                    "year": String(entry.year), "source": entry.source.rawValue, "reason": entry.reason, "decidedBy": entry.decidedBy,
                    "decidedOn": entry.decidedOn.description,
                ], at: millis)
        }
        guard let record = try await Self.records(scope: scope, person: input.person, on: request.db).first(where: { $0.id == id }) else {
            throw AppError.notFound
        }
        return record
    }

    static func messages(_ problems: [ReservePool.Problem], name: String) -> [String: AppError.Message] {
        var messages: [String: AppError.Message] = [:]
        for problem in problems {
            switch problem {
            case .reasonMissing: messages["reason"] = .required("入库理由", "The reason")
            case .reasonTooLong: messages["reason"] = .tooLong("入库理由", "The reason", 200)
            case .decidedByMissing: messages["decidedBy"] = .required("决定单位", "Who decided")
            case .decidedByTooLong: messages["decidedBy"] = .tooLong("决定单位", "Who decided", 60)
            case .yearOutOfRange: messages["year"] = .init(zh: "年度应在 2000 年至决定当年之间。", en: "The year lies between 2000 and the decision's.")
            case .decidedInFuture: messages["decidedOn"] = .init(zh: "决定日期不能晚于今天。", en: "The decision cannot be dated after today.")
            case .alreadyIn: messages["person"] = .init(zh: "\(name)已在提拔后备库中。", en: "\(name) is already in the pool.")
            case .notIn: messages["person"] = .init(zh: "\(name)不在提拔后备库中，无需移出。", en: "\(name) is not in the pool.")
            }
        }
        return messages
    }
}
