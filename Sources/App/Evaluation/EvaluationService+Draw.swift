import Domain
import Fluent
import FluentSQL
import Vapor

/// The draw, the codes and the close.
extension EvaluationService {
    /// The people a campaign drew, by register, in the order drawn — re-run from the published
    /// inputs (the stored register, bound by its published digest, and the seed), so what a page
    /// shows is always what anyone re-running it gets.
    struct Draw: Sendable {
        var key: String
        var registers: [Register: (digestMatches: Bool, pool: Int, drawn: [RegisterEntry])]
        /// The drawn positions stored at the draw are those the re-run gives.
        var matchesStored: Bool
    }

    static func rerun(_ campaign: EvaluationCampaignRecord, on db: any Database) async throws -> Draw? {
        guard let values = campaign.seedValues, let key = try? PublicDraw.key(sources: values) else { return nil }
        var registers: [Register: (Bool, Int, [RegisterEntry])] = [:]
        var matches = key == campaign.drawKey
        for register in Register.allCases {
            let entries = try await EvaluationRead.register(campaign.id, register, on: db)
            let digest = PublicDraw.digest(register: entries.map(\.line))
            let positions = (try? PublicDraw.select(count: campaign.count(register), pool: entries.count, key: key)) ?? []
            matches = matches && positions == campaign.drawn[register.rawValue]
            registers[register] = (digest == campaign.digests[register.rawValue], entries.count, positions.map { entries[$0 - 1] })
        }
        return Draw(key: key, registers: registers, matchesStored: matches)
    }

    /// Types in the seed (one source a line) and draws; refused before the digests are published.
    func draw(_ id: UUID, seed lines: [String], version: Int) async throws -> EvaluationCampaignRecord {
        try request.authorize(.manage, .evaluation)
        let campaign = try await campaign(id)
        guard campaign.state == .published else {
            throw campaign.state == .open
                ? AppError(
                    code: "seed_not_published", status: .conflict, zh: "名册摘要与种子来源尚未公布，不能抽取：请先公布，再于公布的时间取得种子。",
                    en: "Publish the registers' digests and the seed's source before drawing.")
                : Self.stateError(campaign, "再次抽取", "draw again")
        }
        try AppError.checkText(["seed": lines.joined(separator: "\n")])
        let sources = Self.sources(lines)
        let key: String
        do { key = try PublicDraw.key(sources: sources) } catch {
            throw AppError.field("seed", zh: "请按公布的来源填写种子，每个来源一行。", en: "Type the seed, one source a line.")
        }
        guard !sources.isEmpty, key.utf8.count <= 1_000 else {
            throw AppError.field("seed", zh: "请按公布的来源填写种子，每个来源一行（合计不超过 1000 字节）。", en: "Type the seed, one source a line.")
        }
        var drawn: [String: [Int]] = [:]
        for register in Register.allCases {
            let entries = try await EvaluationRead.register(id, register, on: request.db)
            // the register drawn from is the one published: its digest again
            guard PublicDraw.digest(register: entries.map(\.line)) == campaign.digests[register.rawValue] else {
                throw AppError(
                    code: "register_changed", status: .conflict, zh: "\(register.label)名册与公布的摘要不一致，不能抽取。请联系审计管理员核查。",
                    en: "The register no longer matches its published digest.")
            }
            drawn[register.rawValue] = try PublicDraw.select(count: campaign.count(register), pool: entries.count, key: key)
        }
        let (actor, millis) = (request.auditActor, request.clock.millis)
        let (valuesJSON, drawnJSON) = (EvaluationCampaignRecord.encode(sources), EvaluationCampaignRecord.encode(drawn))
        try await request.writeTransaction { db in
            try await Self.advance(
                campaign, from: .published, version: version,
                set: "seed_values = \(bind: valuesJSON), draw_key = \(bind: key), drawn = \(bind: drawnJSON), drawn_at = \(bind: millis)",
                on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "evaluation.draw", objectType: "evaluation", objectID: id.uuidString,
                after: ["key": key, "drawn": Digest.sha256Hex(drawnJSON)], at: millis)
        }
        return try await self.campaign(id)
    }

    /// One code per person drawn, each register's apart, shuffled; kept only as digests, so they are
    /// shown this once (the slips to print).
    func issueCodes(_ id: UUID, version: Int) async throws -> (EvaluationCampaignRecord, [(Register, String)]) {
        try request.authorize(.manage, .evaluation)
        let campaign = try await campaign(id)
        guard campaign.state == .drawn else { throw Self.stateError(campaign, "生成选票码", "issue codes") }
        var generator = SystemRandomNumberGenerator()
        var codes: [(Register, String)] = []
        for register in Register.allCases {
            var seen = Set<String>()
            while seen.count < campaign.count(register) { seen.insert(BallotCode.generate(using: &generator)) }
            codes += seen.shuffled(using: &generator).map { (register, $0) }
        }
        let (actor, millis) = (request.auditActor, request.clock.millis)
        let campaignKey = id.uuidString
        let rows = codes.map { (BallotCode.digest($0.1, campaign: campaignKey), $0.0.rawValue) }.shuffled(using: &generator)
        try await request.writeTransaction { [rows] db in
            try await Self.advance(campaign, from: .drawn, version: version, set: "codes_issued = \(bind: rows.count)", on: db)
            for row in rows {
                try await db.sql.raw(
                    "INSERT INTO evaluation_codes (digest, campaign_id, register) VALUES (\(bind: row.0), \(bind: id), \(bind: row.1))"
                ).run()
            }
            try await AuditLog.append(
                on: db, by: actor, action: "evaluation.codes", objectType: "evaluation", objectID: id.uuidString,
                after: ["codes": String(rows.count)], at: millis)
        }
        return (try await self.campaign(id), codes)
    }

    /// Closes voting: the unused codes are deleted, the comments laid down again in a fresh random
    /// order, and the counts digested into the campaign and the audit log.
    func close(_ id: UUID, version: Int) async throws -> EvaluationCampaignRecord {
        try request.authorize(.manage, .evaluation)
        let campaign = try await campaign(id)
        guard campaign.state == .voting else { throw Self.stateError(campaign, "结束测评", "close") }
        let (actor, millis) = (request.auditActor, request.clock.millis)
        try await request.writeTransaction { db in
            let units = try await EvaluationRead.units(id, on: db)
            let digest = Self.resultsDigest(units)
            try await Self.advance(
                campaign, from: .voting, version: version, set: "closed_at = \(bind: millis), results_digest = \(bind: digest)", on: db)
            try await db.sql.raw("DELETE FROM evaluation_codes WHERE campaign_id = \(bind: id)").run()
            let comments = try await db.sql.raw("SELECT unit_id, body FROM evaluation_comments WHERE campaign_id = \(bind: id)").all().map {
                (try RowReader($0).uuid("unit_id"), try RowReader($0).string("body"))
            }
            try await db.sql.raw("DELETE FROM evaluation_comments WHERE campaign_id = \(bind: id)").run()
            for comment in comments.shuffled() {
                try await BallotService.insertComment(campaign: id, unit: comment.0, body: comment.1, on: db)
            }
            try await AuditLog.append(
                on: db, by: actor, action: "evaluation.close", objectType: "evaluation", objectID: id.uuidString,
                after: ["ballots": String(campaign.ballots), "results": digest], at: millis)
        }
        return try await self.campaign(id)
    }

    /// The counts as one text: unit, then its four counts, one unit a line.
    static func resultsDigest(_ units: [EvaluationUnitRecord]) -> String {
        Digest.sha256Hex(
            units.map { "\($0.unitID.uuidString)\t\($0.satisfied)\t\($0.basicallySatisfied)\t\($0.dissatisfied)\t\($0.notKnown)" }
                .joined(separator: "\n"))
    }
}
