import Domain
import Vapor

/// 双百双评 over the API: campaigns and their steps (the bureau's), the draw re-run from its
/// published inputs, the results of a closed campaign, and the ballot — which needs no token, only
/// a code, and has no endpoint that says who cast what (none is kept).
struct EvaluationAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get(APIRoute.evaluations.pattern, use: list)
        api.post(APIRoute.evaluations.pattern, use: open)
        api.get(APIRoute.evaluation.pattern, use: show)
        api.post(APIRoute.evaluationPublish.pattern, use: publish)
        api.get(APIRoute.evaluationDraw.pattern, use: drawSheet)
        api.post(APIRoute.evaluationDraw.pattern, use: draw)
        api.post(APIRoute.evaluationCodes.pattern, use: codes)
        api.post(APIRoute.evaluationClose.pattern, use: close)
        api.get(APIRoute.evaluationResults.pattern, use: results)
        api.post(APIRoute.evaluationReserve.pattern, use: enterHead)
    }

    func registerPublic(_ app: any RoutesBuilder) {
        app.post(APIRoute.ballotOpen.pattern, use: openBallot)
        app.post(APIRoute.ballotSave.pattern, use: saveBallot)
        app.post(APIRoute.ballots.pattern, use: castBallot)
    }

    func list(_ request: Request) async throws -> [EvaluationCampaignRecord] {
        let user = try request.authorize(.read, .evaluation)
        return try await EvaluationRead.campaigns(scope: user.scope.value, on: request.db)
    }

    func open(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .evaluation)
        return try .created(try await EvaluationService(request: request).open(try request.decodeForm(EvaluationService.OpenInput.self)))
    }

    struct Detail: Content {
        var campaign: EvaluationCampaignRecord
        var units: [EvaluationUnitSummary]
        var registerSizes: [String: Int]
    }

    /// A unit a campaign rates; its counts only with the results.
    struct EvaluationUnitSummary: Content {
        var unitID: UUID
        var name: String
        var series: EvaluationSeries

        init(_ unit: EvaluationUnitRecord) { (unitID, name, series) = (unit.unitID, unit.name, unit.series) }
    }

    func show(_ request: Request) async throws -> Detail {
        let campaign = try await EvaluationService(request: request).campaign(try request.idParameter())
        let units = try await EvaluationRead.units(campaign.id, on: request.db).map(EvaluationUnitSummary.init)
        let sizes = try await EvaluationRead.registerSizes(campaign.id, on: request.db)
        return Detail(
            campaign: campaign, units: units, registerSizes: Dictionary(uniqueKeysWithValues: sizes.map { ($0.key.rawValue, $0.value) }))
    }

    struct StepBody: Content {
        var version: Int
        var seedSource: String?
        var seed: [String]?
    }

    /// The campaign named (404 before the body is read), and the body.
    func step(_ request: Request) async throws -> (EvaluationService, UUID, StepBody) {
        try request.authorize(.manage, .evaluation)
        let service = EvaluationService(request: request)
        let campaign = try await service.campaign(try request.idParameter())
        return (service, campaign.id, try request.decodeForm(StepBody.self))
    }

    func publish(_ request: Request) async throws -> EvaluationCampaignRecord {
        let (service, id, body) = try await step(request)
        return try await service.publish(id, seedSource: body.seedSource ?? "", version: body.version)
    }

    func draw(_ request: Request) async throws -> EvaluationCampaignRecord {
        let (service, id, body) = try await step(request)
        return try await service.draw(id, seed: body.seed ?? [], version: body.version)
    }

    func close(_ request: Request) async throws -> EvaluationCampaignRecord {
        let (service, id, body) = try await step(request)
        return try await service.close(id, version: body.version)
    }

    struct Codes: Content {
        struct Code: Content {
            var register: EvaluationCampaign.Register
            var code: String
        }
        var campaign: EvaluationCampaignRecord
        /// Shown this once: only their digests are kept.
        var codes: [Code]
    }

    func codes(_ request: Request) async throws -> Response {
        let (service, id, body) = try await step(request)
        let (campaign, codes) = try await service.issueCodes(id, version: body.version)
        return try .created(Codes(campaign: campaign, codes: codes.map { .init(register: $0.0, code: $0.1) }))
    }

    struct DrawSheet: Content {
        struct Drawn: Content {
            var register: EvaluationCampaign.Register
            var digest: String?
            var digestMatches: Bool
            var pool: Int
            var drawn: [RegisterEntry]
        }
        var seedSource: String?
        var seed: [[String]]?
        var key: String?
        /// The re-run from the published inputs gives the names drawn at the time.
        var matchesStored: Bool?
        var registers: [Drawn]
    }

    func drawSheet(_ request: Request) async throws -> DrawSheet {
        let campaign = try await EvaluationService(request: request).campaign(try request.idParameter())
        let draw = try await EvaluationService.rerun(campaign, on: request.db)
        let registers = EvaluationCampaign.Register.allCases.compactMap { r -> DrawSheet.Drawn? in
            guard let d = draw?.registers[r] else { return nil }
            return .init(register: r, digest: campaign.digests[r.rawValue], digestMatches: d.digestMatches, pool: d.pool, drawn: d.drawn)
        }
        return DrawSheet(
            seedSource: campaign.seedSource, seed: campaign.seedValues, key: draw?.key, matchesStored: draw?.matchesStored,
            registers: registers)
    }

    func results(_ request: Request) async throws -> EvaluationOutcome {
        try await EvaluationService(request: request).outcome(try request.idParameter()).1
    }

    struct HeadBody: Content {
        var unitID: UUID
        var personID: UUID
        var decidedBy: String
    }

    /// A praised unit's head into the reserve pool: the record as the reserve pool keeps it (201).
    func enterHead(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(HeadBody.self)
        let record = try await EvaluationService(request: request).enterPraisedHead(
            try request.idParameter(), unit: body.unitID, person: body.personID, decidedBy: body.decidedBy)
        return try .created(CadresAPIController.Record(record))
    }

    struct BallotBody: Content {
        var code: String
        var answers: [String: BallotChoice]?
        var comments: [String: String]?

        var draft: BallotService.Draft { .init(answers: answers ?? [:], comments: comments ?? [:]) }
    }

    struct BallotView: Content {
        var title: String
        var units: [EvaluationUnitSummary]
        var answers: [String: BallotChoice]
        var comments: [String: String]
    }

    static func view(_ b: BallotService.Ballot) -> BallotView {
        BallotView(title: b.title, units: b.units.map(EvaluationUnitSummary.init), answers: b.draft.answers, comments: b.draft.comments)
    }

    func openBallot(_ request: Request) async throws -> BallotView {
        Self.view(try await BallotService(request: request).open(try request.decodeForm(BallotBody.self).code))
    }

    func saveBallot(_ request: Request) async throws -> BallotView {
        let body = try request.decodeForm(BallotBody.self)
        return Self.view(try await BallotService(request: request).save(body.code, body.draft))
    }

    struct Cast: Content { var cast: Bool; var title: String }

    func castBallot(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(BallotBody.self)
        let title = try await BallotService(request: request).cast(body.code, body.draft)
        return try .created(Cast(cast: true, title: title))
    }
}
