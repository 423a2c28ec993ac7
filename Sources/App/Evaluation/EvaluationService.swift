import Domain
import Fluent
import FluentSQL
import Vapor

/// Running a 双百双评 campaign (SPEC §8): open it with the series' units, publish the registers'
/// digests and the seed's source, draw when the seed is known, hand out codes, close. Each step is
/// the bureau's, checks the state and the version the page showed, and is audited.
struct EvaluationService {
    let request: Request
    typealias Register = EvaluationCampaign.Register

    static func stateError(_ campaign: EvaluationCampaignRecord, _ doing: String, _ doingEN: String) -> AppError {
        AppError(
            code: "campaign_state", status: .conflict, zh: "该测评目前“\(campaign.state.label)”，不能\(doing)。",
            en: "The campaign is \(campaign.state.rawValue); it cannot \(doingEN).")
    }

    /// The jurisdiction's campaign the bureau acts on, or 404.
    func campaign(_ id: UUID) async throws -> EvaluationCampaignRecord {
        let user = try request.authorize(.read, .evaluation)
        guard let campaign = try await EvaluationRead.campaign(id, scope: user.scope.value, on: request.db) else { throw AppError.notFound }
        return campaign
    }

    struct OpenInput: Content {
        var year: Int?
        var drawnEntrepreneurs: Int?
        var drawnRepresentatives: Int?
        var minimumAnswers: Int?
    }

    /// Opens the year's campaign with every live unit of the jurisdiction that has a series.
    func open(_ input: OpenInput) async throws -> EvaluationCampaignRecord {
        let user = try request.authorize(.manage, .evaluation)
        let today = request.clock.today
        var errors: [String: AppError.Message] = [:]
        let year = input.year ?? today.year
        if !(2000...(today.year + 1)).contains(year) {
            errors["year"] = .init(zh: "年度应在 2000 年至 \(today.year + 1) 年之间。", en: "Year out of range.")
        }
        let e = input.drawnEntrepreneurs ?? EvaluationCampaign.defaultDrawn
        let r = input.drawnRepresentatives ?? EvaluationCampaign.defaultDrawn
        for (key, n) in [("drawnEntrepreneurs", e), ("drawnRepresentatives", r)] where !(1...1_000).contains(n) {
            errors[key] = .init(zh: "抽取人数应在 1 至 1000 之间。", en: "Between 1 and 1000.")
        }
        let minimum = input.minimumAnswers ?? EvaluationResults.defaultMinimumAnswers
        if !(1...50).contains(minimum) { errors["minimumAnswers"] = .init(zh: "最少有效票数应在 1 至 50 之间。", en: "Between 1 and 50.") }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let scope = user.scope
        let units = try await request.db.sql.raw(
            """
            SELECT id, name, evaluation_series FROM units
            WHERE jurisdiction_code >= \(bind: scope.prefix) AND jurisdiction_code < \(bind: scope.prefix + "~")
              AND dissolved_on IS NULL AND evaluation_series IS NOT NULL
            ORDER BY evaluation_series, name
            """
        ).all().compactMap { row -> (UUID, String, EvaluationSeries)? in
            let r = RowReader(row)
            guard let series = EvaluationSeries(rawValue: try r.string("evaluation_series")) else { return nil }
            return (try r.uuid("id"), try r.string("name"), series)
        }
        guard !units.isEmpty else {
            throw AppError.field(
                "year", zh: "辖区内还没有设定测评系列的部门：先在“单位”中为部门设定测评系列。", en: "No unit of the jurisdiction has an evaluation series.")
        }
        let ordered = EvaluationSeries.allCases.flatMap { s in units.filter { $0.2 == s } }
        let id = UUID()
        let (actor, millis) = (request.auditActor, request.clock.millis)
        let title = "\(year)年度“双百双评”"
        try await request.writeTransaction { db in
            let inserted = try await db.sql.raw(
                """
                INSERT INTO evaluation_campaigns (id, jurisdiction_code, year, title, state, drawn_entrepreneurs, drawn_representatives,
                  minimum_answers, codes_issued, ballots, version, created_by, created_at)
                VALUES (\(bind: id), \(bind: scope.value), \(bind: year), \(bind: title), \(bind: EvaluationCampaign.State.open.rawValue),
                  \(bind: e), \(bind: r), \(bind: minimum), 0, 0, 1, \(bind: user.personID), \(bind: millis))
                ON CONFLICT (jurisdiction_code, year) DO NOTHING RETURNING id
                """
            ).first()
            guard inserted != nil else {
                throw AppError.duplicate("year", zh: "\(year) 年度的“双百双评”已经开启。", en: "The year's campaign is open already.")
            }
            for (position, unit) in ordered.enumerated() {
                try await db.sql.raw(
                    """
                    INSERT INTO evaluation_units (id, campaign_id, unit_id, series, name, position, satisfied, basically_satisfied, dissatisfied, not_known)
                    VALUES (\(bind: UUID()), \(bind: id), \(bind: unit.0), \(bind: unit.2.rawValue), \(bind: unit.1), \(bind: position), 0, 0, 0, 0)
                    """
                ).run()
            }
            try await AuditLog.append(
                on: db, by: actor, action: "evaluation.open", objectType: "evaluation", objectID: id.uuidString,
                after: ["year": String(year), "units": String(ordered.count), "drawn": "\(e)+\(r)", "minimumAnswers": String(minimum)],
                at: millis)
        }
        return try await campaign(id)
    }

    /// Moves the campaign from `from` to its next state when it is still at `version`, with the
    /// columns `set`; a stale page hears 409 and nothing is written.
    static func advance(
        _ campaign: EvaluationCampaignRecord, from: EvaluationCampaign.State, version: Int, set: SQLQueryString, on db: any Database
    ) async throws {
        guard campaign.version == version else { throw AppError.conflict(VersionConflict(expected: version, current: campaign.version)) }
        let next = from.next!.rawValue
        let row = try await db.sql.raw(
            """
            UPDATE evaluation_campaigns SET state = \(bind: next), version = version + 1, \(set)
            WHERE id = \(bind: campaign.id) AND version = \(bind: version) AND state = \(bind: from.rawValue) RETURNING id
            """
        ).first()
        guard row != nil else { throw AppError.conflict(VersionConflict(expected: version, current: version + 1)) }
    }

    /// Publishes the registers' digests and where the seed will come from; the registers are
    /// frozen from here on.
    func publish(_ id: UUID, seedSource typed: String, version: Int) async throws -> EvaluationCampaignRecord {
        try request.authorize(.manage, .evaluation)
        let campaign = try await campaign(id)
        guard campaign.state == .open else { throw Self.stateError(campaign, "公布名册摘要", "publish") }
        let source = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        try AppError.checkText(["seedSource": source])
        guard (4...300).contains(source.count) else {
            throw AppError.field(
                "seedSource", zh: "请写明种子的来源（4 至 300 字），例如某日某期福利彩票开奖号码。", en: "Say where the seed comes from (4–300 characters).")
        }
        var digests: [String: String] = [:]
        for register in Register.allCases {
            let entries = try await EvaluationRead.register(id, register, on: request.db)
            guard entries.count >= campaign.count(register) else {
                throw AppError.field(
                    "seedSource", zh: "\(register.label)名册只有 \(entries.count) 人，少于要抽取的 \(campaign.count(register)) 人，请先导入名册。",
                    en: "The \(register.rawValue) register holds \(entries.count), fewer than the \(campaign.count(register)) to draw.")
            }
            digests[register.rawValue] = PublicDraw.digest(register: entries.map(\.line))
        }
        let (actor, millis) = (request.auditActor, request.clock.millis)
        let json = EvaluationCampaignRecord.encode(digests)
        let published = digests
        try await request.writeTransaction { db in
            try await Self.advance(
                campaign, from: .open, version: version,
                set: "seed_source = \(bind: source), digests = \(bind: json), published_at = \(bind: millis)", on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "evaluation.publish", objectType: "evaluation", objectID: id.uuidString,
                after: published.merging(["seedSource": source]) { a, _ in a }, at: millis)
        }
        return try await self.campaign(id)
    }

    /// One source a line; its values split at spaces, commas and 、.
    static func sources(_ lines: [String]) -> [[String]] {
        lines.map { line in
            line.split { $0.isWhitespace || ",，、;；".contains($0) }.map(String.init)
        }.filter { !$0.isEmpty }
    }
}
