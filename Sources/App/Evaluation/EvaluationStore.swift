import Domain
import Fluent
import FluentSQL
import Foundation

/// What a campaign's steps write, on the caller's transaction: the bureau's pages and API (after
/// `EvaluationService` has checked the input), the register import and the demo city all write
/// through these, so a campaign is kept one way. Every step but a ballot is audited.
///
/// A code's row exists only while its campaign is voting: written at `issue`, deleted as it votes
/// (`cast`) and, for the unused, first thing at `close` — which therefore waits for a ballot being
/// cast and refuses one that comes after. A ballot adds exactly one to one of the four counts of
/// every unit, so any unit's four counts together are the ballots cast (`EvaluationCampaignRecord.ballots`).
enum EvaluationStore {
    typealias Register = EvaluationCampaign.Register

    static func create(
        _ id: UUID, scope: String, year: Int, drawn: (entrepreneurs: Int, representatives: Int), minimumAnswers: Int,
        units: [(id: UUID, name: String, series: EvaluationSeries)], by person: UUID, actor: AuditActor, at millis: Int64,
        on db: any Database
    ) async throws {
        let inserted = try await db.sql.raw(
            """
            INSERT INTO evaluation_campaigns (id, jurisdiction_code, year, title, state, drawn_entrepreneurs, drawn_representatives,
              minimum_answers, codes_issued, version, created_by, created_at)
            VALUES (\(bind: id), \(bind: scope), \(bind: year), \(bind: EvaluationCampaign.title(year: year)),
              \(bind: EvaluationCampaign.State.open.rawValue), \(bind: drawn.entrepreneurs), \(bind: drawn.representatives),
              \(bind: minimumAnswers), 0, 1, \(bind: person), \(bind: millis))
            ON CONFLICT (jurisdiction_code, year) DO NOTHING RETURNING id
            """
        ).first()
        guard inserted != nil else {
            throw AppError.duplicate("year", zh: "\(year) 年度的“双百双评”已经开启。", en: "The year's campaign is open already.")
        }
        for (position, unit) in units.enumerated() {
            try await db.sql.raw(
                """
                INSERT INTO evaluation_units (id, campaign_id, unit_id, series, name, position, satisfied, basically_satisfied, dissatisfied, not_known)
                VALUES (\(bind: UUID()), \(bind: id), \(bind: unit.id), \(bind: unit.series.rawValue), \(bind: unit.name), \(bind: position), 0, 0, 0, 0)
                """
            ).run()
        }
        try await AuditLog.append(
            on: db, by: actor, action: "evaluation.open", objectType: "evaluation", objectID: id.uuidString,
            after: [
                "year": String(year), "units": String(units.count), "drawn": "\(drawn.entrepreneurs)+\(drawn.representatives)",
                "minimumAnswers": String(minimumAnswers),
            ], at: millis)
    }

    /// Appends a person to the end of a register; false when the same person is there already.
    static func append(
        to campaign: UUID, _ register: Register, name: String, organisation: String, standing: String, on db: any Database
    ) async throws -> Bool {
        let key = EvaluationCampaign.personKey(name: name, organisation: organisation)
        let sql = db.sql
        let inRegister: SQLQueryString = "campaign_id = \(bind: campaign) AND register = \(bind: register.rawValue)"
        if try await sql.raw("SELECT id FROM evaluation_register WHERE \(inRegister) AND person_key = \(bind: key)").first() != nil {
            return false
        }
        let last = try await sql.raw("SELECT CAST(MAX(position) AS BIGINT) AS n FROM evaluation_register WHERE \(inRegister)").first()
        let position = Int(try last.flatMap { try RowReader($0).optionalInt64("n") } ?? 0) + 1
        try await sql.raw(
            """
            INSERT INTO evaluation_register (id, campaign_id, register, position, name, organisation, standing, person_key)
            VALUES (\(bind: UUID()), \(bind: campaign), \(bind: register.rawValue), \(bind: position), \(bind: name),
              \(bind: organisation), \(bind: standing), \(bind: key))
            """
        ).run()
        return true
    }

    /// Moves the campaign from `from` to its next state when it is still at `version`, with the
    /// columns `set`; a stale page hears 409 and nothing is written.
    static func advance(
        _ campaign: EvaluationCampaignRecord, from: EvaluationCampaign.State, version: Int, set: SQLQueryString, on db: any Database
    ) async throws {
        guard campaign.version == version, let next = from.next else {
            throw AppError.conflict(VersionConflict(expected: version, current: campaign.version))
        }
        let row = try await db.sql.raw(
            """
            UPDATE evaluation_campaigns SET state = \(bind: next.rawValue), version = version + 1, \(set)
            WHERE id = \(bind: campaign.id) AND version = \(bind: version) AND state = \(bind: from.rawValue) RETURNING id
            """
        ).first()
        guard row != nil else { throw AppError.conflict(VersionConflict(expected: version, current: version + 1)) }
    }

    static func publish(
        _ campaign: EvaluationCampaignRecord, seedSource: String, digests: [String: String], version: Int, actor: AuditActor,
        at millis: Int64, on db: any Database
    ) async throws {
        try await advance(
            campaign, from: .open, version: version,
            set: "seed_source = \(bind: seedSource), digests = \(bind: CanonicalJSON.text(digests)), published_at = \(bind: millis)", on: db
        )
        try await AuditLog.append(
            on: db, by: actor, action: "evaluation.publish", objectType: "evaluation", objectID: campaign.id.uuidString,
            after: digests.merging(["seedSource": seedSource]) { a, _ in a }, at: millis)
    }

    static func draw(
        _ campaign: EvaluationCampaignRecord, sources: [[String]], key: String, drawn: [String: [Int]], version: Int, actor: AuditActor,
        at millis: Int64, on db: any Database
    ) async throws {
        let drawnJSON = CanonicalJSON.text(drawn)
        try await advance(
            campaign, from: .published, version: version,
            set:
                "seed_values = \(bind: CanonicalJSON.text(sources)), draw_key = \(bind: key), drawn = \(bind: drawnJSON), drawn_at = \(bind: millis)",
            on: db)
        try await AuditLog.append(
            on: db, by: actor, action: "evaluation.draw", objectType: "evaluation", objectID: campaign.id.uuidString,
            after: ["key": key, "drawn": Digest.sha256Hex(drawnJSON)], at: millis)
    }

    /// Keeps the codes as digests only, written in an order of their own (not the slips').
    static func issue(
        _ campaign: EvaluationCampaignRecord, codes: [(Register, String)], version: Int, actor: AuditActor, at millis: Int64,
        on db: any Database
    ) async throws {
        try await advance(campaign, from: .drawn, version: version, set: "codes_issued = \(bind: codes.count)", on: db)
        for (register, code) in codes.shuffled() {
            try await db.sql.raw(
                """
                INSERT INTO evaluation_codes (digest, campaign_id, register)
                VALUES (\(bind: BallotCode.digest(code, campaign: campaign.id.uuidString)), \(bind: campaign.id), \(bind: register.rawValue))
                """
            ).run()
        }
        try await AuditLog.append(
            on: db, by: actor, action: "evaluation.codes", objectType: "evaluation", objectID: campaign.id.uuidString,
            after: ["codes": String(codes.count)], at: millis)
    }

    /// A ballot to cast: its campaign and units, its code's digest, what it says.
    struct Cast: Sendable {
        var campaign: UUID
        var digest: String
        var units: [EvaluationUnitRecord]
        var answers: [String: BallotChoice]
        var comments: [String: String]
    }

    /// Ballots cast together: each code spent (false for one already gone — used, or its campaign
    /// closed — or sent twice in the batch), then per campaign one statement adding the accepted
    /// ballots' answers to every unit's counts, and their comments without a date. Every unit row
    /// is written whatever it was given, and the ballots of a batch land as one sum: not even the
    /// rows changed nor the write-ahead log tell one ballot apart.
    static func cast(_ ballots: [Cast], on db: any Database) async throws -> [Bool] {
        let accepted = try await OneTimeCodes.spend(ballots.map(\.digest), in: .ballots, on: db)
        let counted = zip(ballots, accepted).filter(\.1).map(\.0)
        for (campaign, castHere) in Dictionary(grouping: counted, by: \.campaign) {
            let units = castHere[0].units
            try await OneTimeCodes.add(
                castHere.map(\.answers), rows: units.map { ($0.unitID, $0.unitID.uuidString) }, owner: campaign, in: .ballots, on: db)
            for ballot in castHere {
                for unit in units {
                    if let body = ballot.comments[unit.unitID.uuidString] {
                        try await insertComment(campaign: campaign, unit: unit.unitID, body: body, on: db)
                    }
                }
            }
        }
        return accepted
    }

    /// A comment under a random id (on SQLite in a table without rowid, so stored in the id's order).
    private static func insertComment(campaign: UUID, unit: UUID, body: String, on db: any Database) async throws {
        try await db.sql.raw(
            """
            INSERT INTO evaluation_comments (id, campaign_id, unit_id, body)
            VALUES (\(bind: Secrets.token(bytes: 16)), \(bind: campaign), \(bind: unit), \(bind: body))
            """
        ).run()
    }

    /// Closes voting: the unused codes deleted first (a ballot being cast is waited for, a later one
    /// finds its code gone), then the counts read and digested into the campaign and the audit log,
    /// and the comments laid down again in a fresh random order.
    static func close(
        _ campaign: EvaluationCampaignRecord, version: Int, actor: AuditActor, at millis: Int64, on db: any Database
    ) async throws {
        let id = campaign.id
        let sql = db.sql
        try await sql.raw("DELETE FROM evaluation_codes WHERE campaign_id = \(bind: id)").run()
        let units = try await EvaluationRead.units(id, on: db)
        let digest = resultsDigest(units)
        try await advance(
            campaign, from: .voting, version: version, set: "closed_at = \(bind: millis), results_digest = \(bind: digest)", on: db)
        let comments = try await sql.raw("SELECT unit_id, body FROM evaluation_comments WHERE campaign_id = \(bind: id)").all().map {
            (try RowReader($0).uuid("unit_id"), try RowReader($0).string("body"))
        }
        try await sql.raw("DELETE FROM evaluation_comments WHERE campaign_id = \(bind: id)").run()
        for (unit, body) in comments.shuffled() { try await insertComment(campaign: id, unit: unit, body: body, on: db) }
        try await AuditLog.append(
            on: db, by: actor, action: "evaluation.close", objectType: "evaluation", objectID: id.uuidString,
            after: ["ballots": String(units.first?.answered ?? 0), "results": digest], at: millis)
    }

    /// The counts as one text: unit, then its four counts, one unit a line.
    static func resultsDigest(_ units: [EvaluationUnitRecord]) -> String {
        Digest.sha256Hex(
            units.map { "\($0.unitID.uuidString)\t\($0.satisfied)\t\($0.basicallySatisfied)\t\($0.dissatisfied)\t\($0.notKnown)" }
                .joined(separator: "\n"))
    }
}
