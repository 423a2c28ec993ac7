import Domain
import Fluent
import FluentSQL
import Vapor

/// Issuing a bulletin (the bureau, once per period, numbered in the year of issue) and reading the
/// issued ones back as they were.
extension BulletinService {
    /// Issues the period's bulletin; `issuer` nil is the jurisdiction's bureau.
    @discardableResult
    func issue(_ period: RankingPeriod, issuer typed: String?) async throws -> Issued {
        let user = try request.authorize(.manage, .assessment)
        let issuer = try await issuer(typed)
        let scope = user.scope.value
        let (actor, millis, today) = (request.auditActor, request.clock.millis, request.clock.today)
        let satisfaction = request.application.satisfactionSource
        return try await request.writeTransaction { db in
            let (id, record, digest) = try await Self.store(
                period, scope: scope, issuer: issuer, on: today, by: user.personID, actor: actor, at: millis, satisfaction: satisfaction,
                on: db)
            return Issued(record: record, publication: .init(id: id, at: millis, by: user.name, digest: digest, intact: true))
        }
    }

    /// Composes and writes the period's bulletin with the next number of the year and the audit
    /// record of its digest. When the period has its bulletin already — even one issued by another
    /// node a moment ago — it throws, so the transaction rolls the year's counter back: the numbers
    /// of a year never have a gap.
    static func store(
        _ period: RankingPeriod, scope: String, issuer: String, on day: CivilDate, by person: UUID, actor: AuditActor, at millis: Int64,
        satisfaction: SatisfactionSource?, on db: any Database
    ) async throws -> (id: UUID, record: BulletinRecord, digest: String) {
        let sql = db.sql
        guard try await issued(scope: scope, period: period, on: db) == nil else { throw alreadyIssued(period) }
        let number = try await NumberSequence.next("bulletin|\(scope)|\(day.year)", on: db) {
            let row = try await sql.raw(
                "SELECT CAST(MAX(number) AS BIGINT) AS n FROM bulletins WHERE jurisdiction_code = \(bind: scope) AND year = \(bind: day.year)"
            ).first()
            return Int(try row.flatMap { try RowReader($0).optionalInt64("n") } ?? 0)
        }
        let record = try await compose(
            period, scope: scope, issuer: issuer, issuedOn: day, number: number, satisfaction: satisfaction, on: db)
        let json = record.json
        let digest = Secrets.digest(json)
        let id = UUID()
        let inserted = try await sql.raw(
            """
            INSERT INTO bulletins (id, jurisdiction_code, year, number, period, title, issuer, issued_on, snapshot, digest, issued_by, issued_at)
            VALUES (\(bind: id), \(bind: scope), \(bind: day.year), \(bind: number), \(bind: period.description), \(bind: record.title),
              \(bind: issuer), \(bind: day.description), \(bind: json), \(bind: digest), \(bind: person), \(bind: millis))
            ON CONFLICT (jurisdiction_code, period) DO NOTHING RETURNING id
            """
        ).first()
        guard inserted != nil else { throw alreadyIssued(period) }
        try await AuditLog.append(
            on: db, by: actor, action: "bulletin.issue", objectType: "bulletin", objectID: id.uuidString,
            after: ["period": period.description, "number": record.numberText, "digest": digest], at: millis)
        return (id, record, digest)
    }

    static func issued(scope: String, period: RankingPeriod, on db: any Database) async throws -> UUID? {
        let row = try await db.sql.raw(
            "SELECT id FROM bulletins WHERE jurisdiction_code = \(bind: scope) AND period = \(bind: period.description)"
        ).first()
        return try row.map { try RowReader($0).uuid("id") }
    }

    /// Bulletin 第 `number` 期 of `year` of the jurisdiction, as issued, its digest checked.
    static func read(scope: String, year: Int, number: Int, on db: any Database) async throws -> Issued? {
        guard
            let row = try await db.sql.raw(
                """
                SELECT b.id, b.snapshot, b.digest, b.issued_at, p.name AS issuer_person FROM bulletins b
                JOIN persons p ON p.id = b.issued_by
                WHERE b.jurisdiction_code = \(bind: scope) AND b.year = \(bind: year) AND b.number = \(bind: number)
                """
            ).first()
        else { return nil }
        let r = RowReader(row)
        let json = try r.string("snapshot")
        guard let record = BulletinRecord.from(json: json) else { return nil }
        let digest = try r.string("digest")
        return Issued(
            record: record,
            publication: .init(
                id: try r.uuid("id"), at: try r.int64("issued_at"), by: try r.string("issuer_person"), digest: digest,
                intact: Secrets.digest(json) == digest))
    }

    /// The jurisdiction's bulletins, the latest first.
    static func list(scope: String, on db: any Database) async throws -> [Summary] {
        try await db.sql.raw(
            """
            SELECT year, number, period, title, issued_on FROM bulletins WHERE jurisdiction_code = \(bind: scope)
            ORDER BY year DESC, number DESC
            """
        ).all().map { row in
            let r = RowReader(row)
            return Summary(
                year: try r.int("year"), number: try r.int("number"), period: try r.string("period"), title: try r.string("title"),
                issuedOn: try r.string("issued_on"))
        }
    }
}
