import Domain
import Fluent
import FluentSQL
import Vapor

/// 双百双评's praised heads into the promotion reserve (SPEC §8, [003]: the first three of each
/// series get 流动红旗 and their heads are rated excellent). The bureau confirms who heads each
/// praised unit — the page suggests the person whose post names a head (`UnitHead`) — and the
/// record is the assessment's own (`ReservePoolService`), with its reason written from the results.
extension EvaluationService {
    struct PraisedUnit: Sendable {
        var line: EvaluationOutcome.Line
        var series: EvaluationSeries
        /// The unit's active people, the suggested head first.
        var people: [(id: UUID, name: String, post: String)]
        var suggested: UUID?
        /// Those of its people the reserve pool already holds for this year's campaign.
        var entered: [String]
    }

    /// The praised units of a closed campaign with their people and who is entered already.
    func praisedUnits(_ campaign: EvaluationCampaignRecord, _ outcome: EvaluationOutcome) async throws -> [PraisedUnit] {
        let praised = outcome.series.flatMap { s in s.lines.filter(\.praised).map { (series: s.series, line: $0) } }
        guard !praised.isEmpty else { return [] }
        let pool = try await ReservePoolService(request: request).records()
        let entered = Set(
            pool.filter { $0.entry.source == .evaluationPraised && $0.entry.year == campaign.year && $0.entry.action == .enter }
                .map(\.entry.person))
        // the praised units' people in one read
        var staff: [UUID: [(id: UUID, name: String, post: String)]] = [:]
        for row in try await request.db.sql.raw(
            """
            SELECT id, unit_id, name, post FROM persons
            WHERE unit_id IN (\(binds: praised.map(\.line.unitID))) AND active = \(bind: true) ORDER BY name
            """
        ).all() {
            let r = RowReader(row)
            staff[try r.uuid("unit_id"), default: []].append((try r.uuid("id"), try r.string("name"), try r.string("post")))
        }
        return praised.map { series, line in
            let people = staff[line.unitID] ?? []
            let head = UnitHead.pick(people.map { ($0.id, $0.post) })
            let ordered = people.filter { $0.id == head } + people.filter { $0.id != head }
            return PraisedUnit(
                line: line, series: series, people: ordered, suggested: head,
                entered: people.filter { entered.contains($0.id.uuidString) }.map(\.name))
        }
    }

    /// Enters the head of a praised unit into the reserve pool; refused for a unit not praised in
    /// this campaign, a person not of that unit, or someone already in the pool.
    func enterPraisedHead(_ id: UUID, unit: UUID, person: UUID, decidedBy: String) async throws -> ReservePoolService.Record {
        try request.authorize(.manage, .assessment)
        let (campaign, outcome) = try await outcome(id)
        guard let praised = try await praisedUnits(campaign, outcome).first(where: { $0.line.unitID == unit }) else {
            throw AppError.field("unit", zh: "该单位不是本次测评的流动红旗单位。", en: "The unit is not among this campaign's praised.")
        }
        guard praised.people.contains(where: { $0.id == person }) else {
            throw AppError.field("person", zh: "请从\(praised.line.name)的人员中选择主要负责人。", en: "Choose a person of the unit.")
        }
        let reason =
            "\(campaign.year)年度“双百双评”\(praised.series.label(.zh))第 \(praised.line.place ?? 0) 名（\(praised.line.name)，流动红旗），主要负责人评为优秀"
        return try await ReservePoolService(request: request).add(
            .init(
                person: person, year: campaign.year, action: .enter, source: .evaluationPraised, reason: reason, decidedBy: decidedBy,
                decidedOn: request.clock.today))
    }
}
