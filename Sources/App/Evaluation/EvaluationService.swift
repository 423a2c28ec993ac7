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

    /// The route gate's question for a campaign named in a route with a body: the jurisdiction's, or 404.
    static func installGate(_ app: Application) {
        app.objectGates.checks["evaluation"] = { request, id, _ in _ = try await EvaluationService(request: request).campaign(id) }
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
        let years = EvaluationCampaign.years(today: today)
        if !years.contains(year) {
            errors["year"] = .init(zh: "年度应在 \(years.lowerBound) 年至 \(years.upperBound) 年之间。", en: "Year out of range.")
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
        ).all().compactMap { row -> (id: UUID, name: String, series: EvaluationSeries)? in
            let r = RowReader(row)
            guard let series = EvaluationSeries(rawValue: try r.string("evaluation_series")) else { return nil }
            return (try r.uuid("id"), try r.string("name"), series)
        }
        guard !units.isEmpty else {
            throw AppError.field(
                "year", zh: "辖区内还没有设定测评系列的部门：先在“单位”中为部门设定测评系列。", en: "No unit of the jurisdiction has an evaluation series.")
        }
        let ordered = EvaluationSeries.allCases.flatMap { s in units.filter { $0.series == s } }
        let id = UUID()
        let (actor, millis) = (request.auditActor, request.clock.millis)
        try await request.writeTransaction { db in
            try await EvaluationStore.create(
                id, scope: scope.value, year: year, drawn: (e, r), minimumAnswers: minimum, units: ordered, by: user.personID, actor: actor,
                at: millis, on: db)
        }
        return try await campaign(id)
    }

    /// Publishes the registers' digests and where the seed will come from; the registers are
    /// frozen from here on.
    func publish(_ id: UUID, seedSource typed: String, version: Int) async throws -> EvaluationCampaignRecord {
        try request.authorize(.manage, .evaluation)
        let campaign = try await campaign(id)
        guard campaign.state == .open else { throw Self.stateError(campaign, "公布名册摘要", "publish") }
        let source = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        try AppError.checkText(["seedSource": source])
        guard !source.hasInvisibleCharacters else {
            throw AppError.field("seedSource", zh: "种子来源中有看不见的字符，请删去后再公布。", en: "The seed source holds invisible characters.")
        }
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
        let published = digests
        try await request.writeTransaction { db in
            try await EvaluationStore.publish(
                campaign, seedSource: source, digests: published, version: version, actor: actor, at: millis, on: db)
        }
        return try await self.campaign(id)
    }

}
