import Domain
import Fluent
import FluentSQL
import Vapor

/// The bureau's two acts on a year's seating: setting its rules (versioned, audited, refused once
/// the year is published) and publishing it — its lines written once, with the digest of them in
/// the audit log; a second publication of the same year is refused.
extension SeatingService {
    static func alreadyPublished(_ year: Int) -> AppError {
        AppError(
            code: "seating_published", status: .conflict, zh: "\(year) 年的年终座次已发布，不再重排，规则也不能再改。",
            en: "The \(year) seating is published; it is not seated again and its rules stay as they were.")
    }

    /// A published seating, read back from its lines.
    static func published(scope: String, year: Int, on db: any Database) async throws -> Seating? {
        let sql = db.sql
        guard
            let head = try await sql.raw(
                """
                SELECT s.id, s.through, s.rules, s.digest, s.published_at, p.name AS publisher FROM seatings s
                JOIN persons p ON p.id = s.published_by WHERE s.jurisdiction_code = \(bind: scope) AND s.year = \(bind: year)
                """
            ).first()
        else { return nil }
        let h = RowReader(head)
        let id = try h.uuid("id")
        let rules = SeatingRecords.RulesRecord.from(json: try h.string("rules"))?.rules ?? YearEndSeat.Rules()
        let through = CivilDate(try h.string("through")) ?? CivilDate(year: year, month: 12, day: 31)!
        let lines = try await sql.raw(
            """
            SELECT unit_id, unit_name, unit_kind, seat, done, target, signings, negotiating, staff, award_eligible,
              bonus_withheld_minor, leadership_talk FROM seating_entries WHERE seating_id = \(bind: id) ORDER BY position
            """
        ).all().map { row -> Line in
            let r = RowReader(row)
            let results = YearEndSeat.Results(
                done: try r.int64("done"), target: try r.optionalInt64("target"), verifiedSignings: try r.int("signings"),
                negotiating: try r.int("negotiating"))
            let bonus = try r.int64("bonus_withheld_minor")
            let staff = try r.int("staff")
            return Line(
                unit: .init(
                    id: try r.uuid("unit_id"), name: try r.string("unit_name"), kind: try r.value("unit_kind", as: UnitKind.self),
                    jurisdictionCode: scope),
                seat: try r.value("seat", as: YearEndSeat.self), results: results, staff: staff,
                consequence: .init(
                    awardEligible: try r.bool("award_eligible"),
                    bonusWithheldPerPerson: staff > 0 && bonus > 0 ? Money(minorUnits: bonus / Int64(staff)) : nil,
                    leadershipTalk: try r.bool("leadership_talk")),
                bonusWithheld: Money(minorUnits: bonus))
        }
        let digest = try h.string("digest")
        let publication = Publication(
            id: id, at: try h.int64("published_at"), by: try h.string("publisher"), digest: digest,
            intact: SeatingRecords.digest(year: year, through: through, rules: rules, lines: lines) == digest)
        return Seating(year: year, through: through, rules: rules, rulesVersion: 0, lines: lines, publication: publication)
    }

    /// The years a seating has: from 2000 to this one.
    func checkYear(_ year: Int) throws {
        guard (2000...request.clock.today.year).contains(year) else {
            throw AppError.field("year", zh: "年度应在 2000 年至今年之间。", en: "The year must lie between 2000 and this year.")
        }
    }

    /// Saves the year's rules whole; `version` is the one the editor read (0 for none yet).
    @discardableResult
    func saveRules(year: Int, rules: YearEndSeat.Rules, version: Int) async throws -> StoredRules {
        let user = try request.authorize(.manage, .assessment)
        try checkYear(year)
        let errors = Self.messages(rules.problems())
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let scope = user.scope.value
        let (actor, millis) = (request.auditActor, request.clock.millis)
        let record = SeatingRecords.RulesRecord(rules)
        let consequencesJSON = CanonicalJSON.text(record.consequences)
        return try await request.writeTransaction { db in
            if try await Self.isPublished(scope: scope, year: year, on: db) { throw Self.alreadyPublished(year) }
            let before = try await Self.rules(scope: scope, year: year, on: db)
            let next: Int
            do throws(VersionConflict) { next = try VersionCheck.next(editing: version, current: before.version) } catch {
                throw AppError.conflict(error)
            }
            let sql = db.sql
            // one statement decides the race: an update of the version read, or the first insert
            let written: Bool
            if before.version == 0 {
                written =
                    try await sql.raw(
                        """
                        INSERT INTO seating_rules (jurisdiction_code, year, measure, completion_permille, negotiating_for_intent,
                          consequences, version, set_by, set_at)
                        VALUES (\(bind: scope), \(bind: year), \(bind: record.measure), \(bind: record.completionPermille),
                          \(bind: record.negotiatingForIntent), \(bind: consequencesJSON), \(bind: next), \(bind: user.personID), \(bind: millis))
                        ON CONFLICT (jurisdiction_code, year) DO NOTHING RETURNING version
                        """
                    ).first() != nil
            } else {
                written =
                    try await sql.raw(
                        """
                        UPDATE seating_rules SET measure = \(bind: record.measure), completion_permille = \(bind: record.completionPermille),
                          negotiating_for_intent = \(bind: record.negotiatingForIntent), consequences = \(bind: consequencesJSON),
                          version = \(bind: next), set_by = \(bind: user.personID), set_at = \(bind: millis)
                        WHERE jurisdiction_code = \(bind: scope) AND year = \(bind: year) AND version = \(bind: before.version)
                        RETURNING version
                        """
                    ).first() != nil
            }
            guard written else { throw AppError.conflict(VersionConflict(expected: version, current: before.version + 1)) }
            try await AuditLog.append(
                on: db, by: actor, action: "seating.rules", objectType: "jurisdiction", objectID: "\(scope)/\(year)",
                before: SeatingRecords.RulesRecord(before.rules), after: record, at: millis)
            return StoredRules(rules: rules, version: next)
        }
    }

    static func isPublished(scope: String, year: Int, on db: any Database) async throws -> Bool {
        try await db.sql.raw("SELECT id FROM seatings WHERE jurisdiction_code = \(bind: scope) AND year = \(bind: year)").first() != nil
    }

    /// Publishes the year's seating: a past year, or this one from 1 December (the year-end
    /// meeting); `rulesVersion` is the version of the rules the bureau looked at.
    @discardableResult
    func publish(year: Int, rulesVersion: Int) async throws -> Seating {
        let user = try request.authorize(.manage, .assessment)
        try checkYear(year)
        let today = request.clock.today
        guard year < today.year || today.month == 12 else {
            throw AppError.field(
                "year", zh: "\(year) 年的年终座次自 \(year) 年 12 月 1 日起方可发布。",
                en: "The \(year) seating may be published from 1 December \(year).")
        }
        let scope = user.scope.value
        if try await Self.isPublished(scope: scope, year: year, on: request.db) { throw Self.alreadyPublished(year) }
        let stored = try await Self.rules(scope: scope, year: year, on: request.db)
        guard stored.version == rulesVersion else {
            throw AppError.conflict(VersionConflict(expected: rulesVersion, current: stored.version))
        }
        let seating = try await draft(year: year, stored: stored)
        let (actor, millis) = (request.auditActor, request.clock.millis)
        try await request.writeTransaction { db in
            guard try await Self.store(seating, scope: scope, by: user.personID, actor: actor, at: millis, on: db) else {
                throw Self.alreadyPublished(year)
            }
        }
        return try await Self.published(scope: scope, year: year, on: request.db) ?? seating
    }

    /// Writes a seating as published, its lines and the audit record with their digest; false
    /// when the year was published already (nothing written).
    static func store(
        _ seating: Seating, scope: String, by publisher: UUID, actor: AuditActor, at millis: Int64, on db: any Database
    ) async throws -> Bool {
        let sql = db.sql
        let id = UUID()
        let digest = SeatingRecords.digest(year: seating.year, through: seating.through, rules: seating.rules, lines: seating.lines)
        let inserted = try await sql.raw(
            """
            INSERT INTO seatings (id, jurisdiction_code, year, through, rules, digest, published_by, published_at)
            VALUES (\(bind: id), \(bind: scope), \(bind: seating.year), \(bind: seating.through.description),
              \(bind: SeatingRecords.RulesRecord(seating.rules).json), \(bind: digest), \(bind: publisher), \(bind: millis))
            ON CONFLICT (jurisdiction_code, year) DO NOTHING RETURNING id
            """
        ).first()
        guard inserted != nil else { return false }
        for (index, line) in seating.lines.enumerated() {
            let r = line.results
            try await sql.raw(
                """
                INSERT INTO seating_entries (seating_id, position, unit_id, unit_name, unit_kind, seat, done, target, signings,
                  negotiating, staff, award_eligible, bonus_withheld_minor, leadership_talk)
                VALUES (\(bind: id), \(bind: index + 1), \(bind: line.unit.id), \(bind: line.unit.name), \(bind: line.unit.kind.rawValue),
                  \(bind: line.seat.rawValue), \(bind: r.done), \(bind: r.target), \(bind: r.verifiedSignings), \(bind: r.negotiating),
                  \(bind: line.staff), \(bind: line.consequence.awardEligible), \(bind: line.bonusWithheld.minorUnits),
                  \(bind: line.consequence.leadershipTalk))
                """
            ).run()
        }
        try await AuditLog.append(
            on: db, by: actor, action: "seating.publish", objectType: "seating", objectID: id.uuidString,
            after: Audited(year: seating.year, through: seating.through.description, digest: digest, units: seating.lines.count),
            at: millis)
        return true
    }

    struct Audited: Encodable, Sendable {
        var year: Int
        var through: String
        var digest: String
        var units: Int
    }

    static func messages(_ problems: [YearEndSeat.Rules.Problem]) -> [String: AppError.Message] {
        var messages: [String: AppError.Message] = [:]
        for problem in problems {
            switch problem {
            case .measureNotTargeted:
                messages["measure"] = .init(zh: "决定座次的指标须是下达目标的指标。", en: "The deciding measure must be a targeted one.")
            case .completionOutOfRange:
                messages["completion"] = .init(zh: "完成席门槛应在 50% 至 200% 之间。", en: "The 完成席 share must lie between 50% and 200%.")
            case .negotiatingOutOfRange:
                messages["negotiating"] = .init(zh: "意向席所需在谈项目数应在 1 至 100 之间。", en: "Between 1 and 100 projects in talks.")
            case .bonusOutOfRange(let seat):
                messages["\(seat.rawValue).bonus"] = .init(
                    zh: "\(seat.label)扣发年终奖应为 0 至 10 万元/人（人民币）。", en: "The bonus withheld must be 0 to 100,000 yuan a person.")
            }
        }
        return messages
    }
}
