import Domain
import Fluent
import FluentSQL
import Foundation

/// What a month's survey writes, on the caller's transaction — the bureau's pages and API (after
/// `SatisfactionService` checked the input) and the demo city alike. Every step but an answer is
/// audited; an answer is counted and forgotten (as a 双百双评 ballot, `EvaluationStore.cast`).
enum SatisfactionStore {
    /// Sets an indicator's 指标长 and units when it is still at `version` (0: never set).
    static func setIndicator(
        _ indicator: BusinessIndicator, scope: String, owner: UUID?, units: [UUID], version: Int, actor: AuditActor, at millis: Int64,
        on db: any Database
    ) async throws {
        let sql = db.sql
        let current =
            try await sql.raw(
                "SELECT version FROM satisfaction_indicators WHERE jurisdiction_code = \(bind: scope) AND indicator = \(bind: indicator.rawValue)"
            ).first().map { try RowReader($0).int("version") } ?? 0
        guard current == version else { throw AppError.conflict(VersionConflict(expected: version, current: current)) }
        if current == 0 {
            try await sql.raw(
                """
                INSERT INTO satisfaction_indicators (id, jurisdiction_code, indicator, owner_id, version)
                VALUES (\(bind: UUID()), \(bind: scope), \(bind: indicator.rawValue), \(bind: owner), 1)
                """
            ).run()
        } else {
            try await sql.raw(
                """
                UPDATE satisfaction_indicators SET owner_id = \(bind: owner), version = version + 1
                WHERE jurisdiction_code = \(bind: scope) AND indicator = \(bind: indicator.rawValue) AND version = \(bind: version)
                """
            ).run()
        }
        try await sql.raw(
            "DELETE FROM satisfaction_indicator_units WHERE jurisdiction_code = \(bind: scope) AND indicator = \(bind: indicator.rawValue)"
        ).run()
        for (position, unit) in units.enumerated() {
            try await sql.raw(
                """
                INSERT INTO satisfaction_indicator_units (id, jurisdiction_code, indicator, unit_id, position)
                VALUES (\(bind: UUID()), \(bind: scope), \(bind: indicator.rawValue), \(bind: unit), \(bind: position))
                """
            ).run()
        }
        try await AuditLog.append(
            on: db, by: actor, action: "satisfaction.indicator", objectType: "indicator", objectID: "\(scope).\(indicator.rawValue)",
            after: ["owner": owner?.uuidString ?? "", "units": units.map(\.uuidString).joined(separator: ",")], at: millis)
    }

    struct Opening: Sendable {
        var id: UUID
        var scope: String
        var year: Int
        var month: Int
        var sampleSize: Int
        var minimumAnswers: Int
        var seedSource: String
        var frame: [(uscc: String, name: String)]
        /// The cells, in the order the survey asks them: indicator, unit, 指标长.
        var cells: [(indicator: BusinessIndicator, unit: UUID, unitName: String, owner: String?)]
    }

    /// Opens the month with its frame and the seed's source published (the frame is frozen).
    static func open(_ o: Opening, by person: UUID, actor: AuditActor, at millis: Int64, on db: any Database) async throws {
        let sql = db.sql
        let digest = PublicDraw.digest(register: o.frame.map { SatisfactionSurvey.line(uscc: $0.uscc, name: $0.name) })
        let inserted = try await sql.raw(
            """
            INSERT INTO satisfaction_surveys (id, jurisdiction_code, year, month, title, state, sample_size, minimum_answers, seed_source,
              frame_digest, frame_size, version, created_by, created_at)
            VALUES (\(bind: o.id), \(bind: o.scope), \(bind: o.year), \(bind: o.month), \(bind: SatisfactionSurvey.title(year: o.year, month: o.month)),
              \(bind: SatisfactionSurvey.State.published.rawValue), \(bind: o.sampleSize), \(bind: o.minimumAnswers), \(bind: o.seedSource),
              \(bind: digest), \(bind: o.frame.count), 1, \(bind: person), \(bind: millis))
            ON CONFLICT (jurisdiction_code, year, month) DO NOTHING RETURNING id
            """
        ).first()
        guard inserted != nil else {
            throw AppError.duplicate("month", zh: "\(o.year)年\(o.month)月的满意度测评已经开启。", en: "The month's survey is open already.")
        }
        for (position, e) in o.frame.enumerated() {
            try await sql.raw(
                """
                INSERT INTO satisfaction_frame (id, survey_id, position, uscc, name)
                VALUES (\(bind: UUID()), \(bind: o.id), \(bind: position + 1), \(bind: e.uscc), \(bind: e.name))
                """
            ).run()
        }
        for (position, c) in o.cells.enumerated() {
            try await sql.raw(
                """
                INSERT INTO satisfaction_cells (id, survey_id, indicator, unit_id, unit_name, owner_name, position, satisfied,
                  basically_satisfied, dissatisfied, not_known)
                VALUES (\(bind: UUID()), \(bind: o.id), \(bind: c.indicator.rawValue), \(bind: c.unit), \(bind: c.unitName), \(bind: c.owner),
                  \(bind: position), 0, 0, 0, 0)
                """
            ).run()
        }
        try await AuditLog.append(
            on: db, by: actor, action: "satisfaction.open", objectType: "survey", objectID: o.id.uuidString,
            after: [
                "month": "\(o.year)-\(o.month)", "frame": digest, "frameSize": String(o.frame.count), "seedSource": o.seedSource,
                "sample": String(o.sampleSize), "cells": String(o.cells.count),
            ], at: millis)
    }

    static func advance(
        _ survey: SatisfactionSurveyRecord, from: SatisfactionSurvey.State, to: SatisfactionSurvey.State, version: Int, set: SQLQueryString,
        on db: any Database
    ) async throws {
        guard survey.version == version else { throw AppError.conflict(VersionConflict(expected: version, current: survey.version)) }
        let updated = try await db.sql.raw(
            """
            UPDATE satisfaction_surveys SET state = \(bind: to.rawValue), version = version + 1, \(set)
            WHERE id = \(bind: survey.id) AND state = \(bind: from.rawValue) AND version = \(bind: version) RETURNING id
            """
        ).first()
        guard updated != nil else { throw AppError.conflict(VersionConflict(expected: version, current: version + 1)) }
    }

    /// Draws the sample from the seed and keeps its links' codes as digests only (in an order of
    /// their own): the links are shown once, to be sent.
    static func draw(
        _ survey: SatisfactionSurveyRecord, sources: [[String]], key: String, drawn: [Int], codes: [String], version: Int,
        actor: AuditActor, at millis: Int64, on db: any Database
    ) async throws {
        let drawnJSON = CanonicalJSON.text(drawn)
        try await advance(
            survey, from: .published, to: .answering, version: version,
            set: """
                seed_values = \(bind: CanonicalJSON.text(sources)), draw_key = \(bind: key), drawn = \(bind: drawnJSON),
                drawn_at = \(bind: millis)
                """, on: db)
        for code in codes.shuffled() {
            try await db.sql.raw(
                "INSERT INTO satisfaction_codes (digest, survey_id) VALUES (\(bind: BallotCode.digest(code, campaign: survey.id.uuidString)), \(bind: survey.id))"
            ).run()
        }
        try await AuditLog.append(
            on: db, by: actor, action: "satisfaction.draw", objectType: "survey", objectID: survey.id.uuidString,
            after: ["key": key, "drawn": Digest.sha256Hex(drawnJSON), "links": String(codes.count)], at: millis)
    }

    /// An answer to count: its survey and cells, its code's digest, what it says by cell key.
    struct Answer: Sendable {
        var survey: UUID
        var digest: String
        var cells: [SatisfactionCellRecord]
        var answers: [String: BallotChoice]
    }

    /// Answers given together: each code spent (false for one gone, or sent twice in the batch),
    /// then per survey one statement adding the batch's sum to every cell; nothing else is kept.
    static func answer(_ given: [Answer], on db: any Database) async throws -> [Bool] {
        let accepted = try await OneTimeCodes.spend(given.map(\.digest), in: .surveys, on: db)
        for (survey, here) in Dictionary(grouping: zip(given, accepted).filter(\.1).map(\.0), by: \.survey) {
            try await OneTimeCodes.add(
                here.map(\.answers), rows: here[0].cells.map { ($0.id, $0.key) }, owner: survey, in: .surveys, on: db)
        }
        return accepted
    }

    /// Closes the month: the unused links die first (an answer being counted is waited for, one
    /// after is refused), then the counts are digested into the record and the audit log.
    static func close(_ survey: SatisfactionSurveyRecord, version: Int, actor: AuditActor, at millis: Int64, on db: any Database)
        async throws
    {
        try await db.sql.raw("DELETE FROM satisfaction_codes WHERE survey_id = \(bind: survey.id)").run()
        let cells = try await SatisfactionRead.cells(survey.id, on: db)
        let digest = Digest.sha256Hex(
            cells.map { "\($0.key)\t\($0.satisfied)\t\($0.basicallySatisfied)\t\($0.dissatisfied)\t\($0.notKnown)" }.joined(separator: "\n")
        )
        try await advance(
            survey, from: .answering, to: .closed, version: version,
            set: "closed_at = \(bind: millis), results_digest = \(bind: digest)", on: db)
        let answered = cells.first.map { $0.satisfied + $0.basicallySatisfied + $0.dissatisfied + $0.notKnown } ?? 0
        try await AuditLog.append(
            on: db, by: actor, action: "satisfaction.close", objectType: "survey", objectID: survey.id.uuidString,
            after: ["answered": String(answered), "results": digest], at: millis)
    }
}
