import Domain
import Fluent
import FluentSQL
import Vapor

/// The draw, the codes, the close and the results.
extension EvaluationService {
    /// What a key draws from each stored register: the register, whether it is the one published
    /// (its digest again), and the positions drawn in order.
    struct Selection: Sendable {
        var entries: [RegisterEntry]
        var digestMatches: Bool
        var positions: [Int]

        var pool: Int { entries.count }
        var drawn: [RegisterEntry] { positions.map { entries[$0 - 1] } }
    }

    static func select(_ campaign: EvaluationCampaignRecord, key: String, on db: any Database) async throws -> [Register: Selection] {
        var out: [Register: Selection] = [:]
        for register in Register.allCases {
            let entries = try await EvaluationRead.register(campaign.id, register, on: db)
            let digest = PublicDraw.digest(register: entries.map(\.line))
            let positions = (try? PublicDraw.select(count: campaign.count(register), pool: entries.count, key: key)) ?? []
            out[register] = Selection(entries: entries, digestMatches: digest == campaign.digests[register.rawValue], positions: positions)
        }
        return out
    }

    /// The draw re-run from the published inputs (the stored registers, bound by their published
    /// digests, and the seed), so what a page shows is always what anyone re-running it gets; and
    /// whether it gives the positions stored at the draw.
    struct Draw: Sendable {
        var key: String
        var registers: [Register: Selection]
        var matchesStored: Bool
    }

    static func rerun(_ campaign: EvaluationCampaignRecord, on db: any Database) async throws -> Draw? {
        guard let values = campaign.seedValues, let key = try? PublicDraw.key(sources: values) else { return nil }
        let registers = try await select(campaign, key: key, on: db)
        let matches = key == campaign.drawKey && registers.allSatisfy { campaign.drawn[$0.key.rawValue] == $0.value.positions }
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
        let sources = PublicDraw.sources(lines: lines)
        guard !sources.isEmpty, let key = try? PublicDraw.key(sources: sources), key.utf8.count <= 1_000 else {
            throw AppError.field("seed", zh: "请按公布的来源填写种子，每个来源一行（合计不超过 1000 字节）。", en: "Type the seed, one source a line.")
        }
        let selections = try await Self.select(campaign, key: key, on: request.db)
        // the registers drawn from are those published
        if let changed = selections.first(where: { !$0.value.digestMatches })?.key {
            throw AppError(
                code: "register_changed", status: .conflict, zh: "\(changed.label)名册与公布的摘要不一致，不能抽取。请联系审计管理员核查。",
                en: "The register no longer matches its published digest.")
        }
        let drawn = Dictionary(uniqueKeysWithValues: selections.map { ($0.key.rawValue, $0.value.positions) })
        let (actor, millis) = (request.auditActor, request.clock.millis)
        try await request.writeTransaction { db in
            try await EvaluationStore.draw(
                campaign, sources: sources, key: key, drawn: drawn, version: version, actor: actor, at: millis, on: db)
        }
        return try await self.campaign(id)
    }

    /// One code per person drawn, each register's apart and shuffled for the slips; kept only as
    /// digests, so they are shown this once.
    func issueCodes(_ id: UUID, version: Int) async throws -> (EvaluationCampaignRecord, [(Register, String)]) {
        try request.authorize(.manage, .evaluation)
        let campaign = try await campaign(id)
        guard campaign.state == .drawn else { throw Self.stateError(campaign, "生成选票码", "issue codes") }
        let codes = Self.codes(for: campaign)
        let (actor, millis) = (request.auditActor, request.clock.millis)
        try await request.writeTransaction { db in
            try await EvaluationStore.issue(campaign, codes: codes, version: version, actor: actor, at: millis, on: db)
        }
        return (try await self.campaign(id), codes)
    }

    /// As many distinct fresh codes as each register drew, in a random order.
    static func codes(for campaign: EvaluationCampaignRecord) -> [(Register, String)] {
        var generator = SystemRandomNumberGenerator()
        return Register.allCases.flatMap { register in
            var seen = Set<String>()
            while seen.count < campaign.count(register) { seen.insert(BallotCode.generate(using: &generator)) }
            return seen.shuffled(using: &generator).map { (register, $0) }
        }
    }

    func close(_ id: UUID, version: Int) async throws -> EvaluationCampaignRecord {
        try request.authorize(.manage, .evaluation)
        let campaign = try await campaign(id)
        guard campaign.state == .voting else { throw Self.stateError(campaign, "结束测评", "close") }
        let (actor, millis) = (request.auditActor, request.clock.millis)
        try await request.writeTransaction { db in
            try await EvaluationStore.close(campaign, version: version, actor: actor, at: millis, on: db)
        }
        return try await self.campaign(id)
    }

    /// A closed campaign's results; before the close there are none to read (404 says so plainly).
    func outcome(_ id: UUID) async throws -> (EvaluationCampaignRecord, EvaluationOutcome) {
        let user = try request.authorize(.read, .evaluation)
        let campaign = try await campaign(id)
        guard let outcome = try await EvaluationOutcome.of(campaign, scope: user.scope.value, on: request.db) else {
            throw AppError(
                code: "not_closed", status: .notFound, zh: "测评尚未结束，结果在结束后公布。", en: "Results are published once the campaign closes.")
        }
        return (campaign, outcome)
    }
}
