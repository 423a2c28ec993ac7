import Domain
import Vapor

/// 双百双评's pages (`/evaluations`): the campaigns, one campaign with the bureau's next step, the
/// draw sheet anyone can check, the registers as published, the slips, the results, the year's
/// decision list and the inspector's page on anonymity.
struct EvaluationWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.evaluations.pattern, use: list)
        pages.post(SiteURL.evaluations.pattern, use: open)
        pages.get(SiteURL.evaluationAnonymity.pattern, use: anonymity)
        pages.get(SiteURL.evaluation(SiteURL.anyID).pattern, use: show)
        pages.post(SiteURL.evaluationPublish(SiteURL.anyID).pattern, use: publish)
        pages.get(SiteURL.evaluationDraw(SiteURL.anyID).pattern, use: drawSheet)
        pages.post(SiteURL.evaluationDraw(SiteURL.anyID).pattern, use: draw)
        pages.post(SiteURL.evaluationCodes(SiteURL.anyID).pattern, use: codes)
        pages.post(SiteURL.evaluationClose(SiteURL.anyID).pattern, use: close)
        pages.get(SiteURL.evaluationRegister(SiteURL.anyID).pattern, use: registerText)
        pages.get(SiteURL.evaluationResults(SiteURL.anyID).pattern, use: results)
        pages.get(SiteURL.evaluationDecisions(SiteURL.anyID).pattern, use: decisions)
        pages.post(SiteURL.evaluationReserve(SiteURL.anyID).pattern, use: enterHead)
    }

    static let handled: [HTTPResponseStatus] = [.unprocessableEntity, .conflict]

    func list(_ request: Request) async throws -> Response {
        try await renderList(request, form: FormState(values: ["year": String(request.clock.today.year)]))
    }

    private func renderList(_ request: Request, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.authorize(.read, .evaluation)
        let campaigns = try await EvaluationRead.campaigns(scope: user.scope.value, on: request.db)
        return .html(
            EvaluationViews.list(
                campaigns, mayManage: request.may(.manage, .evaluation), form: form, context: PageContext(request: request)),
            status: status)
    }

    func open(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .evaluation)
        let values = try request.decodeForm([String: String].self)
        do {
            let n = try Request.wholeNumbers(values, ["year", "drawnEntrepreneurs", "drawnRepresentatives", "minimumAnswers"])
            let campaign = try await EvaluationService(request: request).open(
                .init(
                    year: n["year"], drawnEntrepreneurs: n["drawnEntrepreneurs"], drawnRepresentatives: n["drawnRepresentatives"],
                    minimumAnswers: n["minimumAnswers"]))
            return request.redirect(to: SiteURL.evaluation(campaign.id).path)
        } catch let error as AppError where Self.handled.contains(error.status) {
            return try await renderList(request, form: FormState(values: values, error: error), status: error.status)
        }
    }

    func show(_ request: Request) async throws -> Response {
        try await render(request, try await EvaluationService(request: request).campaign(try request.idParameter()))
    }

    func render(_ request: Request, _ campaign: EvaluationCampaignRecord, form: FormState = FormState(), status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let model = EvaluationViews.CampaignModel(
            campaign: campaign, units: try await EvaluationRead.units(campaign.id, on: request.db),
            sizes: try await EvaluationRead.registerSizes(campaign.id, on: request.db), mayManage: request.may(.manage, .evaluation),
            form: form)
        return .html(EvaluationViews.campaign(model, context: PageContext(request: request)), status: status)
    }

    /// Runs one of the bureau's steps; a refusal shows on the campaign's page with what was typed.
    private func step(
        _ request: Request, _ work: (EvaluationService, UUID, [String: String], Int) async throws -> EvaluationCampaignRecord
    ) async throws -> Response {
        try request.authorize(.manage, .evaluation)
        let id = try request.idParameter()
        let service = EvaluationService(request: request)
        let values = try request.decodeForm([String: String].self)
        do {
            let version = Int(values["version"] ?? "") ?? 0
            let campaign = try await work(service, id, values, version)
            return request.redirect(to: SiteURL.evaluation(campaign.id).path)
        } catch let error as AppError where Self.handled.contains(error.status) {
            return try await render(
                request, try await service.campaign(id), form: FormState(values: values, error: error), status: error.status)
        }
    }

    func publish(_ request: Request) async throws -> Response {
        try await step(request) { try await $0.publish($1, seedSource: $2["seedSource"] ?? "", version: $3) }
    }

    func draw(_ request: Request) async throws -> Response {
        try await step(request) { service, id, values, version in
            let lines = (values["seed"] ?? "").split(whereSeparator: \.isNewline).map(String.init)
            return try await service.draw(id, seed: lines, version: version)
        }
    }

    func close(_ request: Request) async throws -> Response {
        try await step(request) { try await $0.close($1, version: $3) }
    }

    /// The slips, shown this once: the codes are kept only as digests.
    func codes(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .evaluation)
        let id = try request.idParameter()
        let service = EvaluationService(request: request)
        let values = try request.decodeForm([String: String].self)
        do {
            let (campaign, codes) = try await service.issueCodes(id, version: Int(values["version"] ?? "") ?? 0)
            let base = request.application.publicURL ?? ""
            return .html(
                EvaluationSheets.slips(
                    campaign, codes: codes, ballotURL: base + SiteURL.ballot.path, context: PageContext(request: request)))
        } catch let error as AppError where Self.handled.contains(error.status) {
            return try await render(
                request, try await service.campaign(id), form: FormState(values: values, error: error), status: error.status)
        }
    }

    func drawSheet(_ request: Request) async throws -> Response {
        let campaign = try await EvaluationService(request: request).campaign(try request.idParameter())
        let draw = try await EvaluationService.rerun(campaign, on: request.db)
        return .html(EvaluationSheets.draw(campaign, draw: draw, context: PageContext(request: request)))
    }

    /// A register as published: its lines, UTF-8, one person a line; SHA-256 of the text is the
    /// digest on the draw sheet.
    func registerText(_ request: Request) async throws -> Response {
        let user = try request.authorize(.read, .evaluation)
        let campaign = try await EvaluationService(request: request).campaign(try request.idParameter())
        // a register is the bureau's until its digest is published
        let ties: AccessPolicy.Ties = campaign.state >= .published ? [.withinJurisdiction, .published] : .withinJurisdiction
        guard AccessPolicy.may(user.roles, .readRegister, ties: ties) else { throw AppError.notFound }
        let raw = request.queryText("register")
        guard let register = EvaluationCampaign.Register(rawValue: raw) else {
            throw Request.invalidQuery("register", raw, expected: "entrepreneur 或 representative", "entrepreneur or representative")
        }
        let lines = try await EvaluationRead.register(campaign.id, register, on: request.db).map(\.line)
        return .publishedText(lines, filename: "\(campaign.year)-\(register.rawValue).txt")
    }

    func results(_ request: Request) async throws -> Response {
        try await renderResults(request, form: FormState())
    }

    private func renderResults(_ request: Request, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let service = EvaluationService(request: request)
        let (campaign, outcome) = try await service.outcome(try request.idParameter())
        let comments = try await EvaluationRead.comments(campaign.id, on: request.db)
        // the heads' part reads the reserve pool, which not every role may read
        let mayRead = request.may(.read, .assessment)
        let praised = mayRead ? try await service.praisedUnits(campaign, outcome) : []
        let context = PageContext(request: request)
        let reserve = EvaluationReserveView.section(
            campaign, praised, mayManage: request.may(.manage, .assessment), form: form, context: context)
        return .html(
            EvaluationResultsView.results(campaign, outcome, comments: comments, reserve: reserve, context: context), status: status)
    }

    /// The bureau enters a praised unit's head into the reserve pool.
    func enterHead(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .assessment)
        let id = try request.idParameter()
        let values = try request.decodeForm([String: String].self)
        do {
            guard let unit = UUID(uuidString: values["unit"] ?? ""), let person = UUID(uuidString: values["person"] ?? "") else {
                throw AppError.field("person", zh: "请选择主要负责人。", en: "Choose the head.")
            }
            _ = try await EvaluationService(request: request).enterPraisedHead(
                id, unit: unit, person: person, decidedBy: values["decidedBy"] ?? "")
            return request.redirect(to: SiteURL.evaluationResults(id).path)
        } catch let error as AppError where Self.handled.contains(error.status) {
            return try await renderResults(request, form: FormState(values: values, error: error), status: error.status)
        }
    }

    func decisions(_ request: Request) async throws -> Response {
        let (campaign, outcome) = try await EvaluationService(request: request).outcome(try request.idParameter())
        return .html(EvaluationResultsView.decisions(campaign, outcome, context: PageContext(request: request)))
    }

    func anonymity(_ request: Request) async throws -> Response {
        try request.authorize(.read, .evaluation)
        return .html(EvaluationResultsView.anonymity(context: PageContext(request: request)))
    }
}
