import Domain
import Vapor

/// 企业满意度月评's pages (`/satisfaction`): the months, the indicators and their 指标长, one month
/// with the bureau's next step or its results, the links sheet (once), the frame as published and
/// the year's trends.
struct SatisfactionWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.satisfaction.pattern, use: list)
        pages.post(SiteURL.satisfaction.pattern, use: open)
        pages.get(SiteURL.satisfactionIndicators.pattern, use: indicators)
        pages.post(SiteURL.satisfactionIndicators.pattern, use: setIndicator)
        pages.get(SiteURL.satisfactionTrends.pattern, use: trends)
        pages.get(SiteURL.satisfactionSurvey(SiteURL.anyID).pattern, use: show)
        pages.post(SiteURL.satisfactionDraw(SiteURL.anyID).pattern, use: draw)
        pages.post(SiteURL.satisfactionClose(SiteURL.anyID).pattern, use: close)
        pages.get(SiteURL.satisfactionFrame(SiteURL.anyID).pattern, use: frame)
    }

    static let handled: [HTTPResponseStatus] = [.unprocessableEntity, .conflict]

    func list(_ request: Request) async throws -> Response {
        let today = request.clock.today
        return try await renderList(request, form: FormState(values: ["year": String(today.year), "month": String(today.month)]))
    }

    private func renderList(_ request: Request, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let surveys = try await SatisfactionService(request: request).surveys()
        return .html(
            SatisfactionViews.list(
                surveys, mayManage: request.may(.manage, .evaluation), form: form, context: PageContext(request: request)),
            status: status)
    }

    func open(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .evaluation)
        let values = try request.decodeForm([String: String].self)
        func number(_ key: String) -> Int? { values[key].flatMap { Int(TextFold.fold($0).trimmingCharacters(in: .whitespaces)) } }
        do {
            for key in ["year", "month", "sampleSize", "minimumAnswers"] where !(values[key] ?? "").isEmpty && number(key) == nil {
                throw AppError.field(key, zh: "请填写整数。", en: "A whole number.")
            }
            let survey = try await SatisfactionService(request: request).open(
                .init(
                    year: number("year"), month: number("month"), sampleSize: number("sampleSize"),
                    minimumAnswers: number("minimumAnswers"),
                    seedSource: values["seedSource"]))
            return request.redirect(to: SiteURL.satisfactionSurvey(survey.id).path)
        } catch let error as AppError where Self.handled.contains(error.status) {
            return try await renderList(request, form: FormState(values: values, error: error), status: error.status)
        }
    }

    func indicators(_ request: Request) async throws -> Response {
        try await renderIndicators(request, form: FormState())
    }

    private func renderIndicators(_ request: Request, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let settings = try await SatisfactionService(request: request).indicators()
        let manage = request.may(.manage, .evaluation)
        return .html(
            SatisfactionViews.indicators(
                settings, leaders: manage ? try await DirectoryOptions.leaderOptions(request) : [],
                units: manage ? try await DirectoryOptions.unitOptions(request) : [], mayManage: manage, form: form,
                context: PageContext(request: request)), status: status)
    }

    struct IndicatorForm: Content {
        var indicator: String?
        var owner: String?
        var units: [String]?
        var version: Int?
    }

    func setIndicator(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .evaluation)
        let body = try request.decodeForm(IndicatorForm.self)
        let values = ["indicator": body.indicator ?? "", "owner": body.owner ?? ""]
        do {
            guard let indicator = BusinessIndicator(rawValue: body.indicator ?? "") else {
                throw AppError.field("indicator", zh: "没有这项指标。", en: "No such indicator.")
            }
            let owner = (body.owner ?? "").isEmpty ? nil : UUID(uuidString: body.owner ?? "")
            if owner == nil, !(body.owner ?? "").isEmpty { throw AppError.field("owner", zh: "请从列表中选择指标长。", en: "Choose from the list.") }
            try await SatisfactionService(request: request).setIndicator(
                indicator, .init(owner: owner, units: (body.units ?? []).compactMap(UUID.init(uuidString:)), version: body.version ?? 0))
            return request.redirect(to: SiteURL.satisfactionIndicators.path)
        } catch let error as AppError where Self.handled.contains(error.status) {
            return try await renderIndicators(request, form: FormState(values: values, error: error), status: error.status)
        }
    }

    func show(_ request: Request) async throws -> Response {
        try await render(request, try await SatisfactionService(request: request).survey(try request.idParameter()))
    }

    func render(_ request: Request, _ survey: SatisfactionSurveyRecord, form: FormState = FormState(), status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let db = request.db
        let outcome =
            survey.state == .closed ? SatisfactionOutcome(survey: survey, cells: try await SatisfactionRead.cells(survey.id, on: db)) : nil
        return .html(
            SatisfactionViews.survey(
                survey, outcome: outcome, drawnNames: try await SatisfactionRead.drawnNames(survey, on: db),
                mayManage: request.may(.manage, .evaluation), form: form,
                context: PageContext(request: request)), status: status)
    }

    /// The links, shown this once: the codes are kept only as digests.
    func draw(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .evaluation)
        let id = try request.idParameter()
        let service = SatisfactionService(request: request)
        let values = try request.decodeForm([String: String].self)
        do {
            let lines = (values["seed"] ?? "").split(whereSeparator: \.isNewline).map(String.init)
            let (survey, invitations) = try await service.draw(id, seed: lines, version: Int(values["version"] ?? "") ?? 0)
            return .html(
                SatisfactionResultViews.invitations(
                    survey, invitations, base: request.application.publicURL ?? "", context: PageContext(request: request)))
        } catch let error as AppError where Self.handled.contains(error.status) {
            return try await render(
                request, try await service.survey(id), form: FormState(values: values, error: error), status: error.status)
        }
    }

    func close(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .evaluation)
        let id = try request.idParameter()
        let service = SatisfactionService(request: request)
        let values = try request.decodeForm([String: String].self)
        do {
            let survey = try await service.close(id, version: Int(values["version"] ?? "") ?? 0)
            return request.redirect(to: SiteURL.satisfactionSurvey(survey.id).path)
        } catch let error as AppError where Self.handled.contains(error.status) {
            return try await render(
                request, try await service.survey(id), form: FormState(values: values, error: error), status: error.status)
        }
    }

    /// The frame as published: one enterprise a line (USCC, tab, name); its SHA-256 is the digest.
    func frame(_ request: Request) async throws -> Response {
        let survey = try await SatisfactionService(request: request).survey(try request.idParameter())
        let lines = try await SatisfactionRead.frame(survey.id, on: request.db).map {
            SatisfactionSurvey.line(uscc: $0.uscc, name: $0.name)
        }
        return .publishedText(lines, filename: "frame-\(survey.monthKey).txt")
    }

    func trends(_ request: Request) async throws -> Response {
        let user = try request.authorize(.read, .evaluation)
        let today = request.clock.today
        let years = [today.year - 1, today.year]
        let raw = request.queryText("year")
        let year = raw.isEmpty ? today.year : Int(raw) ?? 0
        guard years.contains(year) else {
            throw Request.invalidQuery("year", raw, expected: "\(years[0]) 或 \(years[1])", "\(years[0]) or \(years[1])")
        }
        let trend = try await SatisfactionTrend.of(year: year, scope: user.scope.value, on: request.db)
        return .html(SatisfactionResultViews.trends(trend, years: years, context: PageContext(request: request)))
    }
}
