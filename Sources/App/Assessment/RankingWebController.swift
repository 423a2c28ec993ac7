import Domain
import Vapor

/// 考核排名: the page (`/rankings?period=`), the bureau's formula (`POST /rankings/formula`) and
/// publication (`POST /rankings`).
struct RankingWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.rankings.pattern, use: page)
        pages.post(SiteURL.rankings.pattern, use: publish)
        pages.post(SiteURL.rankingFormula.pattern, use: saveFormula)
    }

    /// `period` of the query: "2026-10" or "2026", up to this year; absent, the last month over
    /// (in January, last year's year-end). Anything else: 400 naming it.
    static func period(_ request: Request) throws -> RankingPeriod {
        let today = request.clock.today
        let raw = request.queryText("period")
        guard !raw.isEmpty else {
            return RankingPeriod.offered(year: today.year, today: today).dropLast().last ?? RankingPeriod(year: today.year - 1)!
        }
        guard let period = RankingPeriod(raw), period.year <= today.year else {
            throw Request.invalidQuery("period", raw, expected: "如 2026-10（月度）或 2026（年终），不晚于今年", "e.g. 2026-10 or 2026, up to this year")
        }
        return period
    }

    func page(_ request: Request) async throws -> Response {
        try await render(request, period: try Self.period(request))
    }

    func saveFormula(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .assessment)
        let values = try request.content.decode([String: String].self)
        guard let period = RankingPeriod(values["period"] ?? "") else { throw AppError.field("period", zh: "期次不正确。", en: "Bad period.") }
        do {
            try await RankingService(request: request).saveFormula(
                year: period.year, formula: try RankingForms.formula(values), version: Int(values["version"] ?? "") ?? -1)
            return request.redirect(to: SiteURL.rankings.with(query: ["period": period.description]))
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            var form = FormState(values: values, error: error)
            form.idPrefix = "k-"
            return try await render(request, period: period, form: form, status: error.status)
        }
    }

    func publish(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .assessment)
        let values = try request.content.decode([String: String].self)
        guard let period = RankingPeriod(values["period"] ?? "") else { throw AppError.field("period", zh: "期次不正确。", en: "Bad period.") }
        do {
            try await RankingService(request: request).publish(period, formulaVersion: Int(values["version"] ?? "") ?? -1)
            return request.redirect(to: SiteURL.rankings.with(query: ["period": period.description]))
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            return try await render(
                request, period: period, publishError: .init(zh: error.fields.values.first?.zh ?? error.zh, en: error.en),
                status: error.status)
        }
    }

    private func render(
        _ request: Request, period: RankingPeriod, form: FormState? = nil, publishError: AppError.Message? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let ranking = try await RankingService(request: request).ranking(period)
        let user = try request.requireUser()
        let previous = try await RankingService.previous(scope: user.scope.value, before: period, on: request.db)
        var state = form ?? FormState(values: RankingForms.values(ranking.formula, version: ranking.formulaVersion))
        state.idPrefix = "k-"
        let today = request.clock.today
        let model = RankingView.Model(
            ranking: ranking, previous: previous, offered: RankingPeriod.offered(year: period.year, today: today), latestYear: today.year,
            mayManage: request.may(.manage, .assessment), form: state, publishError: publishError)
        return .html(RankingView.render(model, context: PageContext(request: request)), status: status)
    }
}
