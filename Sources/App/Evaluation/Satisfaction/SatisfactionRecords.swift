import Domain
import Fluent
import FluentSQL
import Vapor

/// A month's 企业满意度测评 as stored, its cells and frame read back, and the indicators' owners.
struct SatisfactionSurveyRecord: Content, Sendable, Equatable {
    var id: UUID
    var year: Int
    var month: Int
    var title: String
    var state: SatisfactionSurvey.State
    var sampleSize: Int
    var minimumAnswers: Int
    var seedSource: String
    /// The frame's SHA-256 (`PublicDraw.digest` of its lines), published at the opening.
    var frameDigest: String
    var frameSize: Int
    var seedValues: [[String]]?
    var drawKey: String?
    /// The frame positions drawn, in the order drawn.
    var drawn: [Int]
    var drawnAt: Int64?
    /// One link per enterprise drawn (no column of its own: the drawn positions say it).
    var linksIssued: Int
    /// Enterprises that answered: one cell's four counts together (every answer adds one to each).
    var answered: Int
    var closedAt: Int64?
    var resultsDigest: String?
    var version: Int

    static let columns = """
        id, year, month, title, state, sample_size, minimum_answers, seed_source, frame_digest, frame_size, seed_values, draw_key,
        drawn, drawn_at, closed_at, results_digest, version,
        COALESCE((SELECT c.satisfied + c.basically_satisfied + c.dissatisfied + c.not_known FROM satisfaction_cells c
          WHERE c.survey_id = satisfaction_surveys.id ORDER BY c.position LIMIT 1), 0) AS answered
        """

    init(_ row: any SQLRow) throws {
        let r = RowReader(row)
        (id, year, month, title) = (try r.uuid("id"), try r.int("year"), try r.int("month"), try r.string("title"))
        state = try r.value("state", as: SatisfactionSurvey.State.self)
        (sampleSize, minimumAnswers) = (try r.int("sample_size"), try r.int("minimum_answers"))
        (seedSource, frameDigest, frameSize) = (try r.string("seed_source"), try r.string("frame_digest"), try r.int("frame_size"))
        seedValues = CanonicalJSON.value([[String]].self, from: try r.optionalString("seed_values"))
        drawKey = try r.optionalString("draw_key")
        drawn = CanonicalJSON.value([Int].self, from: try r.optionalString("drawn")) ?? []
        drawnAt = try r.optionalInt64("drawn_at")
        (linksIssued, answered) = (drawn.count, try r.int("answered"))
        closedAt = try r.optionalInt64("closed_at")
        resultsDigest = try r.optionalString("results_digest")
        version = try r.int("version")
    }

    /// "2026-11", the month as a key.
    var monthKey: String { String(format: "%04d-%02d", year, month) }
}

/// One indicator's unit in a month's survey, with what the answers have added up to.
struct SatisfactionCellRecord: Content, Sendable, Equatable {
    var id: UUID
    var indicator: BusinessIndicator
    var unitID: UUID
    var unitName: String
    var ownerName: String?
    var satisfied: Int
    var basicallySatisfied: Int
    var dissatisfied: Int
    var notKnown: Int

    var tally: EvaluationResults.Tally {
        .init(satisfied: satisfied, basicallySatisfied: basicallySatisfied, dissatisfied: dissatisfied)
    }

    /// The key an answer names it by: indicator and unit.
    var key: String { "\(indicator.rawValue).\(unitID.uuidString)" }

    var cell: SatisfactionSurvey.Cell { .init(indicator: indicator, unit: unitID.uuidString, name: unitName, tally: tally) }
}

/// An indicator as the bureau set it: its 指标长 and the units answering for it.
struct IndicatorSetting: Content, Sendable, Equatable {
    var indicator: BusinessIndicator
    var label: String
    var owner: Owner?
    var units: [Owner]
    var version: Int

    struct Owner: Content, Sendable, Equatable {
        var id: UUID
        var name: String
    }
}

enum SatisfactionRead {
    static func surveys(scope: String, on db: any Database) async throws -> [SatisfactionSurveyRecord] {
        try await db.sql.raw(
            """
            SELECT \(unsafeRaw: SatisfactionSurveyRecord.columns) FROM satisfaction_surveys
            WHERE jurisdiction_code = \(bind: scope) ORDER BY year DESC, month DESC
            """
        ).all().map(SatisfactionSurveyRecord.init)
    }

    static func survey(_ id: UUID, scope: String, on db: any Database) async throws -> SatisfactionSurveyRecord? {
        try await db.sql.raw(
            """
            SELECT \(unsafeRaw: SatisfactionSurveyRecord.columns) FROM satisfaction_surveys
            WHERE id = \(bind: id) AND jurisdiction_code = \(bind: scope)
            """
        ).first().map(SatisfactionSurveyRecord.init)
    }

    /// The closed months of `year` through `throughMonth`, each with its cells: two reads whatever
    /// the number of months (the ranking asks on every draft).
    static func closedMonths(scope: String, year: Int, throughMonth: Int, on db: any Database) async throws -> [(
        survey: SatisfactionSurveyRecord, cells: [SatisfactionCellRecord]
    )] {
        let surveys = try await db.sql.raw(
            """
            SELECT \(unsafeRaw: SatisfactionSurveyRecord.columns) FROM satisfaction_surveys
            WHERE jurisdiction_code = \(bind: scope) AND year = \(bind: year) AND month <= \(bind: throughMonth)
              AND state = \(bind: SatisfactionSurvey.State.closed.rawValue)
            ORDER BY month
            """
        ).all().map(SatisfactionSurveyRecord.init)
        guard !surveys.isEmpty else { return [] }
        var cells: [UUID: [SatisfactionCellRecord]] = [:]
        for row in try await db.sql.raw(
            """
            SELECT survey_id, id, indicator, unit_id, unit_name, owner_name, satisfied, basically_satisfied, dissatisfied, not_known
            FROM satisfaction_cells WHERE survey_id IN (\(binds: surveys.map(\.id))) ORDER BY position
            """
        ).all() {
            cells[try RowReader(row).uuid("survey_id"), default: []].append(try cell(row))
        }
        return surveys.map { ($0, cells[$0.id] ?? []) }
    }

    static func cells(_ survey: UUID, on db: any Database) async throws -> [SatisfactionCellRecord] {
        try await db.sql.raw(
            """
            SELECT id, indicator, unit_id, unit_name, owner_name, satisfied, basically_satisfied, dissatisfied, not_known
            FROM satisfaction_cells WHERE survey_id = \(bind: survey) ORDER BY position
            """
        ).all().map(cell)
    }

    static func cell(_ row: any SQLRow) throws -> SatisfactionCellRecord {
        let r = RowReader(row)
        return SatisfactionCellRecord(
            id: try r.uuid("id"), indicator: try r.value("indicator", as: BusinessIndicator.self), unitID: try r.uuid("unit_id"),
            unitName: try r.string("unit_name"), ownerName: try r.optionalString("owner_name"), satisfied: try r.int("satisfied"),
            basicallySatisfied: try r.int("basically_satisfied"), dissatisfied: try r.int("dissatisfied"),
            notKnown: try r.int("not_known"))
    }

    /// The frame as published: one enterprise a line, in its published order.
    static func frame(_ survey: UUID, on db: any Database) async throws -> [(uscc: String, name: String)] {
        try await db.sql.raw("SELECT uscc, name FROM satisfaction_frame WHERE survey_id = \(bind: survey) ORDER BY position").all().map {
            (try RowReader($0).string("uscc"), try RowReader($0).string("name"))
        }
    }

    /// The names of the enterprises drawn, in the order drawn (only those rows are read).
    static func drawnNames(_ survey: SatisfactionSurveyRecord, on db: any Database) async throws -> [String] {
        guard !survey.drawn.isEmpty else { return [] }
        var names: [Int: String] = [:]
        for row in try await db.sql.raw(
            "SELECT position, name FROM satisfaction_frame WHERE survey_id = \(bind: survey.id) AND position IN (\(binds: survey.drawn))"
        ).all() {
            names[try RowReader(row).int("position")] = try RowReader(row).string("name")
        }
        return survey.drawn.compactMap { names[$0] }
    }

    /// Every indicator with its owner and units as the bureau set them (unset ones empty).
    static func indicators(scope: String, on db: any Database) async throws -> [IndicatorSetting] {
        var settings = Dictionary(
            uniqueKeysWithValues: BusinessIndicator.allCases.map {
                ($0, IndicatorSetting(indicator: $0, label: $0.label, units: [], version: 0))
            })
        for row in try await db.sql.raw(
            """
            SELECT i.indicator, i.owner_id, p.name AS owner_name, i.version FROM satisfaction_indicators i
            LEFT JOIN persons p ON p.id = i.owner_id WHERE i.jurisdiction_code = \(bind: scope)
            """
        ).all() {
            let r = RowReader(row)
            guard let indicator = BusinessIndicator(rawValue: try r.string("indicator")) else { continue }
            if let id = try r.optionalUUID("owner_id") { settings[indicator]?.owner = .init(id: id, name: try r.string("owner_name")) }
            settings[indicator]?.version = try r.int("version")
        }
        for row in try await db.sql.raw(
            """
            SELECT s.indicator, s.unit_id, u.name FROM satisfaction_indicator_units s JOIN units u ON u.id = s.unit_id
            WHERE s.jurisdiction_code = \(bind: scope) ORDER BY s.indicator, s.position
            """
        ).all() {
            let r = RowReader(row)
            guard let indicator = BusinessIndicator(rawValue: try r.string("indicator")) else { continue }
            settings[indicator]?.units.append(.init(id: try r.uuid("unit_id"), name: try r.string("name")))
        }
        return BusinessIndicator.allCases.compactMap { settings[$0] }
    }
}
