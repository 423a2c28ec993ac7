import Domain
import Vapor

/// 企业满意度月评 over the API: the months and their steps (the bureau's), the indicators, the
/// results of a closed month, the year's trends, and the answer — which needs no token, only the
/// link's code, and has no endpoint that says which enterprise answered what (none is kept).
struct SatisfactionAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get(APIRoute.satisfactionSurveys.pattern, use: list)
        api.post(APIRoute.satisfactionSurveys.pattern, use: open)
        api.get(APIRoute.satisfactionSurvey.pattern, use: show)
        api.post(APIRoute.satisfactionDraw.pattern, use: draw)
        api.post(APIRoute.satisfactionClose.pattern, use: close)
        api.get(APIRoute.satisfactionResults.pattern, use: results)
        api.get(APIRoute.satisfactionIndicators.pattern, use: indicators)
        api.post(APIRoute.satisfactionIndicators.pattern, use: setIndicator)
        api.get(APIRoute.satisfactionTrends.pattern, use: trends)
    }

    func registerPublic(_ app: any RoutesBuilder) {
        app.post(APIRoute.surveyOpen.pattern, use: openSurvey)
        app.post(APIRoute.surveyAnswers.pattern, use: answer)
    }

    func list(_ request: Request) async throws -> [SatisfactionSurveyRecord] {
        try await SatisfactionService(request: request).surveys()
    }

    func open(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .evaluation)
        return try .created(
            try await SatisfactionService(request: request).open(try request.decodeForm(SatisfactionService.OpenInput.self)))
    }

    func show(_ request: Request) async throws -> SatisfactionSurveyRecord {
        try await SatisfactionService(request: request).survey(try request.idParameter())
    }

    struct DrawBody: Content {
        var seed: [String]
        var version: Int
    }

    struct Drawn: Content {
        var survey: SatisfactionSurveyRecord
        /// Each drawn enterprise with its link's code: returned this once, kept only as a digest.
        var invitations: [SatisfactionService.Invitation]
    }

    func draw(_ request: Request) async throws -> Drawn {
        // the route gate has found the month (another jurisdiction's is absent whatever the body says)
        let body = try request.decodeForm(DrawBody.self)
        let (survey, invitations) = try await SatisfactionService(request: request).draw(
            try request.idParameter(), seed: body.seed, version: body.version)
        return Drawn(survey: survey, invitations: invitations)
    }

    struct StepBody: Content {
        var version: Int
    }

    func close(_ request: Request) async throws -> SatisfactionSurveyRecord {
        let body = try request.decodeForm(StepBody.self)
        return try await SatisfactionService(request: request).close(try request.idParameter(), version: body.version)
    }

    func results(_ request: Request) async throws -> SatisfactionOutcome {
        let survey = try await SatisfactionService(request: request).survey(try request.idParameter())
        guard survey.state == .closed else {
            throw AppError(
                code: "not_closed", status: .notFound, zh: "本月测评尚未结束，结果在结束后公布。", en: "Results are published once the month closes.")
        }
        return SatisfactionOutcome(survey: survey, cells: try await SatisfactionRead.cells(survey.id, on: request.db))
    }

    func indicators(_ request: Request) async throws -> [IndicatorSetting] {
        try await SatisfactionService(request: request).indicators()
    }

    struct IndicatorBody: Content {
        var indicator: BusinessIndicator
        var owner: UUID?
        var units: [UUID]
        var version: Int
    }

    func setIndicator(_ request: Request) async throws -> [IndicatorSetting] {
        try request.authorize(.manage, .evaluation)
        let body = try request.decodeForm(IndicatorBody.self)
        let service = SatisfactionService(request: request)
        try await service.setIndicator(body.indicator, .init(owner: body.owner, units: body.units, version: body.version))
        return try await service.indicators()
    }

    func trends(_ request: Request) async throws -> SatisfactionTrend {
        let user = try request.authorize(.read, .evaluation)
        let today = request.clock.today
        let raw = request.queryText("year")
        let year = raw.isEmpty ? today.year : Int(raw) ?? 0
        guard [today.year - 1, today.year].contains(year) else {
            throw Request.invalidQuery("year", raw, expected: "\(today.year - 1) 或 \(today.year)", "\(today.year - 1) or \(today.year)")
        }
        return try await SatisfactionTrend.of(year: year, scope: user.scope.value, on: request.db)
    }

    struct AnswerBody: Content {
        var code: String
        var answers: [String: BallotChoice]?
    }

    struct SurveyView: Content {
        var title: String
        var items: [Item]

        struct Item: Content {
            /// What an answer names the item by.
            var key: String
            var indicator: BusinessIndicator
            var label: String
            var unit: String
        }
    }

    func openSurvey(_ request: Request) async throws -> SurveyView {
        let form = try await SurveyAnswerService(request: request).open(try request.decodeForm(AnswerBody.self).code)
        return SurveyView(
            title: form.title,
            items: form.cells.map { .init(key: $0.key, indicator: $0.indicator, label: $0.indicator.label, unit: $0.unitName) })
    }

    struct Answered: Content { var answered: Bool; var title: String }

    func answer(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(AnswerBody.self)
        let title = try await SurveyAnswerService(request: request).answer(body.code, body.answers ?? [:])
        return try .created(Answered(answered: true, title: title))
    }
}
