import Domain
import Fluent
import FluentSQL
import Vapor

/// The bureau's two acts on rankings: setting a year's formula (versioned, audited, frozen once a
/// ranking of the year is published) and publishing a period — its lines written once with their
/// digest in the audit log; a period is published once.
extension RankingService {
    static func alreadyPublished(_ period: RankingPeriod) -> AppError {
        AppError(
            code: "ranking_published", status: .conflict, zh: "\(period.label)排名已发布，不再重排。",
            en: "The ranking of \(period) is published; it is not ranked again.")
    }

    static func published(scope: String, period: RankingPeriod, on db: any Database) async throws -> Ranking? {
        let sql = db.sql
        guard
            let head = try await sql.raw(
                """
                SELECT r.id, r.through, r.formula, r.digest, r.published_at, p.name AS publisher FROM rankings r
                JOIN persons p ON p.id = r.published_by WHERE r.jurisdiction_code = \(bind: scope) AND r.period = \(bind: period.description)
                """
            ).first()
        else { return nil }
        let h = RowReader(head)
        let id = try h.uuid("id")
        let record = try? JSONDecoder().decode(RankingRecords.FormulaRecord.self, from: Data(try h.string("formula").utf8))
        let formula = (try? record?.formula()) ?? .standard
        let through = CivilDate(try h.string("through")) ?? period.through
        let lines = try await sql.raw(
            """
            SELECT unit_id, unit_name, unit_kind, place, lines, target_met_on FROM ranking_entries WHERE ranking_id = \(bind: id)
            """
        ).all().map { row -> Line in
            let r = RowReader(row)
            return Line(
                unit: .init(
                    id: try r.uuid("unit_id"), name: try r.string("unit_name"), kind: try r.value("unit_kind", as: UnitKind.self),
                    jurisdictionCode: scope),
                place: try r.int("place"), score: RankingRecords.score(json: try r.string("lines")),
                targetMetOn: try r.optionalString("target_met_on").flatMap(CivilDate.init))
        }.sorted { a, b in
            let (ka, kb) = (UnitKind.allCases.firstIndex(of: a.unit.kind)!, UnitKind.allCases.firstIndex(of: b.unit.kind)!)
            if ka != kb { return ka < kb }
            if a.place != b.place { return a.place < b.place }
            // a shared place reads back in the order it was ranked in: by name (Ranking.rank)
            return a.unit.name != b.unit.name ? a.unit.name < b.unit.name : a.unit.id.uuidString < b.unit.id.uuidString
        }
        let digest = try h.string("digest")
        let publication = SeatingService.Publication(
            id: id, at: try h.int64("published_at"), by: try h.string("publisher"), digest: digest,
            intact: RankingRecords.digest(period: period, through: through, formula: formula, lines: lines) == digest)
        return Ranking(period: period, through: through, formula: formula, formulaVersion: 0, lines: lines, publication: publication)
    }

    /// Saves the year's formula whole; `version` is the one the editor read (0 for none yet).
    @discardableResult
    func saveFormula(year: Int, formula: ScoreFormula, version: Int) async throws -> StoredFormula {
        let user = try request.authorize(.manage, .assessment)
        guard (2000...request.clock.today.year + 1).contains(year) else {
            throw AppError.field("year", zh: "年度应在 2000 年至明年之间。", en: "The year must lie between 2000 and next year.")
        }
        let scope = user.scope.value
        let (actor, millis) = (request.auditActor, request.clock.millis)
        let record = RankingRecords.FormulaRecord(formula)
        let (weights, deductions) = (CanonicalJSON.text(record.weights), CanonicalJSON.text(record.deductions))
        return try await request.writeTransaction { db in
            let sql = db.sql
            if try await sql.raw("SELECT id FROM rankings WHERE jurisdiction_code = \(bind: scope) AND year = \(bind: year)").first() != nil
            {
                throw Self.frozen(year)
            }
            let before = try await Self.formula(scope: scope, year: year, on: db)
            let next: Int
            do throws(VersionConflict) { next = try VersionCheck.next(editing: version, current: before.version) } catch {
                throw AppError.conflict(error)
            }
            let written: Bool
            if before.version == 0 {
                written =
                    try await sql.raw(
                        """
                        INSERT INTO score_formulas (jurisdiction_code, year, weights, deductions, cap_permille, version, set_by, set_at)
                        VALUES (\(bind: scope), \(bind: year), \(bind: weights), \(bind: deductions), \(bind: record.capPermille), \(bind: next),
                          \(bind: user.personID), \(bind: millis))
                        ON CONFLICT (jurisdiction_code, year) DO NOTHING RETURNING version
                        """
                    ).first() != nil
            } else {
                written =
                    try await sql.raw(
                        """
                        UPDATE score_formulas SET weights = \(bind: weights), deductions = \(bind: deductions),
                          cap_permille = \(bind: record.capPermille), version = \(bind: next), set_by = \(bind: user.personID), set_at = \(bind: millis)
                        WHERE jurisdiction_code = \(bind: scope) AND year = \(bind: year) AND version = \(bind: before.version) RETURNING version
                        """
                    ).first() != nil
            }
            guard written else { throw AppError.conflict(VersionConflict(expected: version, current: before.version + 1)) }
            try await AuditLog.append(
                on: db, by: actor, action: "ranking.formula", objectType: "jurisdiction", objectID: "\(scope)/\(year)",
                before: RankingRecords.FormulaRecord(before.formula), after: record, at: millis)
            return StoredFormula(formula: formula, version: next)
        }
    }

    /// Publishes a period once it is over; `formulaVersion` is the version the bureau looked at.
    @discardableResult
    func publish(_ period: RankingPeriod, formulaVersion: Int) async throws -> Ranking {
        let user = try request.authorize(.manage, .assessment)
        guard period.year >= 2000, period.year <= request.clock.today.year, period.isOver(on: request.clock.today) else {
            throw AppError.field(
                "period", zh: "\(period.label)尚未结束，结束后方可发布排名（年终排名自 12 月 1 日起）。",
                en: "The period is not over yet.")
        }
        let scope = user.scope.value
        if try await Self.published(scope: scope, period: period, on: request.db) != nil { throw Self.alreadyPublished(period) }
        let stored = try await Self.formula(scope: scope, year: period.year, on: request.db)
        guard stored.version == formulaVersion else {
            throw AppError.conflict(VersionConflict(expected: formulaVersion, current: stored.version))
        }
        let ranking = try await draft(period, stored: stored)
        let (actor, millis) = (request.auditActor, request.clock.millis)
        try await request.writeTransaction { db in
            guard try await Self.store(ranking, scope: scope, by: user.personID, actor: actor, at: millis, on: db) else {
                throw Self.alreadyPublished(period)
            }
        }
        return try await Self.published(scope: scope, period: period, on: request.db) ?? ranking
    }

    /// Writes a ranking as published with the audit record of its digest; false when the period
    /// was published already (nothing written).
    static func store(_ ranking: Ranking, scope: String, by publisher: UUID, actor: AuditActor, at millis: Int64, on db: any Database)
        async throws -> Bool
    {
        let sql = db.sql
        let id = UUID()
        let digest = RankingRecords.digest(period: ranking.period, through: ranking.through, formula: ranking.formula, lines: ranking.lines)
        let inserted = try await sql.raw(
            """
            INSERT INTO rankings (id, jurisdiction_code, period, year, through, formula, digest, published_by, published_at)
            VALUES (\(bind: id), \(bind: scope), \(bind: ranking.period.description), \(bind: ranking.period.year),
              \(bind: ranking.through.description), \(bind: RankingRecords.FormulaRecord(ranking.formula).json), \(bind: digest),
              \(bind: publisher), \(bind: millis))
            ON CONFLICT (jurisdiction_code, period) DO NOTHING RETURNING id
            """
        ).first()
        guard inserted != nil else { return false }
        for line in ranking.lines {
            try await sql.raw(
                """
                INSERT INTO ranking_entries (ranking_id, unit_id, unit_name, unit_kind, place, score, results_score, lines, target_met_on)
                VALUES (\(bind: id), \(bind: line.unit.id), \(bind: line.unit.name), \(bind: line.unit.kind.rawValue), \(bind: line.place),
                  \(bind: line.score.centipoints), \(bind: line.score.resultsCentipoints), \(bind: RankingRecords.json(line.score)),
                  \(bind: line.targetMetOn?.description))
                """
            ).run()
        }
        try await AuditLog.append(
            on: db, by: actor, action: "ranking.publish", objectType: "ranking", objectID: id.uuidString,
            after: ["period": ranking.period.description, "through": ranking.through.description, "digest": digest], at: millis)
        return true
    }

    /// The last published month of the same year before this period (for 较上期), if any.
    static func previous(scope: String, before period: RankingPeriod, on db: any Database) async throws -> Ranking? {
        // "2026-09" < "2026-10" < "2026-12": a month's text orders as its dates do
        let upTo = period.month.map { _ in period.description } ?? "\(period.year)-99"
        guard
            let row = try await db.sql.raw(
                """
                SELECT period FROM rankings WHERE jurisdiction_code = \(bind: scope) AND year = \(bind: period.year)
                  AND period LIKE \(bind: "\(period.year)-%") AND period < \(bind: upTo) ORDER BY period DESC LIMIT 1
                """
            ).first(),
            let found = RankingPeriod(try RowReader(row).string("period"))
        else { return nil }
        return try await published(scope: scope, period: found, on: db)
    }
}
