import Domain
import Fluent
import FluentSQL
import Vapor

/// Running the monthly 企业满意度测评 (SPEC §8, [002]): the bureau sets each indicator's 指标长 and
/// units, opens a month (its frame — the jurisdiction's above-scale enterprises — and the seed's
/// source published at once), draws the sample when the seed is known (the links are shown that
/// once), and closes the month. Each step checks the state and the version the page showed, and
/// is audited; everyone working here reads the months and, once closed, their results.
struct SatisfactionService {
    let request: Request

    static func stateError(_ survey: SatisfactionSurveyRecord, _ doing: String, _ doingEN: String) -> AppError {
        AppError(
            code: "survey_state", status: .conflict, zh: "该测评目前“\(survey.state.label)”，不能\(doing)。",
            en: "The survey is \(survey.state.rawValue); it cannot \(doingEN).")
    }

    /// The route gate's question for a month named in a route with a body: the jurisdiction's, or 404.
    static func installGate(_ app: Application) {
        app.objectGates.checks["survey"] = { request, id, _ in _ = try await SatisfactionService(request: request).survey(id) }
    }

    func survey(_ id: UUID) async throws -> SatisfactionSurveyRecord {
        let user = try request.authorize(.read, .evaluation)
        guard let survey = try await SatisfactionRead.survey(id, scope: user.scope.value, on: request.db) else { throw AppError.notFound }
        return survey
    }

    func surveys() async throws -> [SatisfactionSurveyRecord] {
        let user = try request.authorize(.read, .evaluation)
        return try await SatisfactionRead.surveys(scope: user.scope.value, on: request.db)
    }

    func indicators() async throws -> [IndicatorSetting] {
        let user = try request.authorize(.read, .evaluation)
        return try await SatisfactionRead.indicators(scope: user.scope.value, on: request.db)
    }

    struct IndicatorInput: Content {
        var owner: UUID?
        var units: [UUID]?
        var version: Int
    }

    /// Sets an indicator's 指标长 (a leader of the jurisdiction or one enclosing it) and its units
    /// (one to five live units of the jurisdiction).
    func setIndicator(_ indicator: BusinessIndicator, _ input: IndicatorInput) async throws {
        let user = try request.authorize(.manage, .evaluation)
        let leaders = Set(try await DirectoryOptions.leaderOptions(request).map(\.value))
        let live = Set(try await DirectoryOptions.unitOptions(request).map(\.value))
        var errors: [String: AppError.Message] = [:]
        if let owner = input.owner, !leaders.contains(owner.uuidString) {
            errors["owner"] = .init(zh: "指标长应为本辖区（或上级）的领导。", en: "The owner must be a leader of the jurisdiction.")
        }
        var units: [UUID] = []
        for unit in input.units ?? [] where !units.contains(unit) { units.append(unit) }
        if units.contains(where: { !live.contains($0.uuidString) }) {
            errors["units"] = .init(zh: "责任单位应为本辖区现有的单位。", en: "Units must be live units of the jurisdiction.")
        } else if !(1...5).contains(units.count) {
            errors["units"] = .init(zh: "请选 1 至 5 个责任单位。", en: "Choose one to five units.")
        }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let (scope, actor, millis) = (user.scope.value, request.auditActor, request.clock.millis)
        let (owner, chosen) = (input.owner, units)
        try await request.writeTransaction { db in
            try await SatisfactionStore.setIndicator(
                indicator, scope: scope, owner: owner, units: chosen, version: input.version, actor: actor, at: millis, on: db)
        }
    }

    struct OpenInput: Content {
        var year: Int?
        var month: Int?
        var sampleSize: Int?
        var minimumAnswers: Int?
        var seedSource: String?
    }

    /// Opens a month: the frame is every above-scale enterprise registered in the jurisdiction, by
    /// USCC; the cells are the indicators' units as set now (kept with the month).
    func open(_ input: OpenInput) async throws -> SatisfactionSurveyRecord {
        let user = try request.authorize(.manage, .evaluation)
        let today = request.clock.today
        let (year, month) = (input.year ?? today.year, input.month ?? today.month)
        let sample = input.sampleSize ?? SatisfactionSurvey.defaultSample
        let minimum = input.minimumAnswers ?? EvaluationResults.defaultMinimumAnswers
        let source = (input.seedSource ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [String: AppError.Message] = [:]
        if !((today.year - 1)...(today.year + 1)).contains(year) {
            errors["year"] = .init(zh: "年度应为 \(today.year - 1) 或 \(today.year) 年（12 月时可为下一年）。", en: "Last year or this (next in December).")
        } else if !SatisfactionSurvey.allows(year: year, month: month, today: today) {
            errors["month"] = .init(zh: "月份应在去年 1 月至下月之间。", en: "From January last year through next month.")
        }
        if !SatisfactionSurvey.sampleRange.contains(sample) {
            errors["sampleSize"] = .init(zh: "抽取企业数应在 5 至 500 之间。", en: "Between 5 and 500.")
        }
        if !(1...50).contains(minimum) { errors["minimumAnswers"] = .init(zh: "最少答卷数应在 1 至 50 之间。", en: "Between 1 and 50.") }
        try AppError.checkText(["seedSource": source])
        if source.hasInvisibleCharacters {
            errors["seedSource"] = .init(zh: "种子来源中有看不见的字符，请删去后再公布。", en: "The seed source holds invisible characters.")
        } else if !(4...300).contains(source.count) {
            errors["seedSource"] = .init(zh: "请写明种子的来源（4 至 300 字），例如某日某期福利彩票开奖号码。", en: "Say where the seed comes from (4–300 characters).")
        }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let scope = user.scope
        let frame = try await request.db.sql.raw(
            """
            SELECT uscc, name FROM enterprises
            WHERE region_code >= \(bind: scope.prefix) AND region_code < \(bind: scope.prefix + "~") AND tags LIKE '%aboveScale%'
              AND uscc IS NOT NULL ORDER BY uscc
            """
        ).all().map { (uscc: try RowReader($0).string("uscc"), name: try RowReader($0).string("name")) }
        guard frame.count >= sample else {
            throw AppError.field(
                "sampleSize", zh: "辖区登记的规上企业只有 \(frame.count) 家，少于要抽取的 \(sample) 家。",
                en: "The jurisdiction has \(frame.count) above-scale enterprises, fewer than \(sample).")
        }
        let cells = try await SatisfactionRead.indicators(scope: scope.value, on: request.db).flatMap { setting in
            setting.units.map { (indicator: setting.indicator, unit: $0.id, unitName: $0.name, owner: setting.owner?.name) }
        }
        guard !cells.isEmpty else {
            throw AppError.field(
                "month", zh: "还没有为任何指标设定责任单位：请先在“指标与指标长”中设定。", en: "No indicator has units yet: set them first.")
        }
        let opening = SatisfactionStore.Opening(
            id: UUID(), scope: scope.value, year: year, month: month, sampleSize: sample, minimumAnswers: minimum, seedSource: source,
            frame: frame, cells: cells)
        let (actor, millis) = (request.auditActor, request.clock.millis)
        try await request.writeTransaction { db in
            try await SatisfactionStore.open(opening, by: user.personID, actor: actor, at: millis, on: db)
        }
        return try await survey(opening.id)
    }

    /// A drawn enterprise and the link it is sent (shown this once; kept only as a digest).
    struct Invitation: Content {
        var position: Int
        var uscc: String
        var name: String
        var code: String
    }

    /// Types in the seed (one source a line), draws the sample from the published frame and
    /// makes each drawn enterprise's link.
    func draw(_ id: UUID, seed lines: [String], version: Int) async throws -> (SatisfactionSurveyRecord, [Invitation]) {
        try request.authorize(.manage, .evaluation)
        let survey = try await survey(id)
        guard survey.state == .published else { throw Self.stateError(survey, "再次抽取", "draw again") }
        try AppError.checkText(["seed": lines.joined(separator: "\n")])
        let sources = PublicDraw.sources(lines: lines)
        guard !sources.isEmpty, let key = try? PublicDraw.key(sources: sources), key.utf8.count <= 1_000 else {
            throw AppError.field("seed", zh: "请按公布的来源填写种子，每个来源一行（合计不超过 1000 字节）。", en: "Type the seed, one source a line.")
        }
        let frame = try await SatisfactionRead.frame(id, on: request.db)
        guard PublicDraw.digest(register: frame.map { SatisfactionSurvey.line(uscc: $0.uscc, name: $0.name) }) == survey.frameDigest,
            let positions = try? PublicDraw.select(count: survey.sampleSize, pool: frame.count, key: key)
        else {
            throw AppError(
                code: "register_changed", status: .conflict, zh: "抽样框与公布的摘要不一致，不能抽取。请联系审计管理员核查。",
                en: "The frame no longer matches its published digest.")
        }
        var generator = SystemRandomNumberGenerator()
        var codes = Set<String>()
        while codes.count < positions.count { codes.insert(BallotCode.generate(using: &generator)) }
        let invitations = zip(positions, codes).map { position, code in
            Invitation(position: position, uscc: frame[position - 1].uscc, name: frame[position - 1].name, code: code)
        }
        let (actor, millis) = (request.auditActor, request.clock.millis)
        let issued = Array(codes)
        try await request.writeTransaction { db in
            try await SatisfactionStore.draw(
                survey, sources: sources, key: key, drawn: positions, codes: issued, version: version, actor: actor, at: millis, on: db)
        }
        return (try await self.survey(id), invitations)
    }

    func close(_ id: UUID, version: Int) async throws -> SatisfactionSurveyRecord {
        try request.authorize(.manage, .evaluation)
        let survey = try await survey(id)
        guard survey.state == .answering else { throw Self.stateError(survey, "结束测评", "close") }
        let (actor, millis) = (request.auditActor, request.clock.millis)
        try await request.writeTransaction { db in
            try await SatisfactionStore.close(survey, version: version, actor: actor, at: millis, on: db)
        }
        return try await self.survey(id)
    }
}
