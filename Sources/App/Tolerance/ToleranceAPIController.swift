import Domain
import Vapor

/// 容错纠错 over the API: the cases, a case, its checklist, the inspector's decision, clearing and
/// visits; and the names cleared, public.
struct ToleranceAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get(APIRoute.toleranceCases.pattern, use: list)
        api.post(APIRoute.toleranceCases.pattern, use: open)
        api.get(APIRoute.toleranceCase.pattern, use: show)
        api.put(APIRoute.toleranceChecklist.pattern, use: checklist)
        api.post(APIRoute.toleranceDecision.pattern, use: decide)
        api.post(APIRoute.toleranceClearing.pattern, use: clear)
        api.post(APIRoute.toleranceVisits.pattern, use: visit)
    }

    func registerPublic(_ app: any RoutesBuilder) {
        app.get(APIRoute.clearings.pattern, use: clearings)
    }

    func list(_ request: Request) async throws -> [ToleranceCaseRecord] { try await ToleranceService(request: request).cases() }

    func open(_ request: Request) async throws -> Response {
        try request.authorize(.write, .tolerance)
        return try .created(try await ToleranceService(request: request).open(try request.decodeForm(ToleranceService.OpenInput.self)))
    }

    func show(_ request: Request) async throws -> ToleranceCaseRecord {
        try await ToleranceService(request: request).find(try request.idParameter())
    }

    struct ChecklistBody: Content {
        struct Entry: Content {
            var item: ToleranceCase.Item
            var finding: ToleranceCase.Finding
            var evidence: String?
        }

        var checks: [Entry]
        var version: Int
    }

    func checklist(_ request: Request) async throws -> ToleranceCaseRecord {
        // the route gate has found the case (another jurisdiction's is absent whatever the body says)
        let body = try request.decodeForm(ChecklistBody.self)
        var checks: [ToleranceCase.Item: ToleranceCase.Check] = [:]
        for entry in body.checks { checks[entry.item] = .init(finding: entry.finding, evidence: entry.evidence ?? "") }
        return try await ToleranceService(request: request).setChecklist(try request.idParameter(), checks, version: body.version)
    }

    struct DecisionBody: Content {
        var state: ToleranceCase.State
        var decision: String
        var version: Int
    }

    func decide(_ request: Request) async throws -> ToleranceCaseRecord {
        let body = try request.decodeForm(DecisionBody.self)
        guard body.state != .open else { throw AppError.field("state", zh: "请选择认定结论。", en: "tolerated or notTolerated.") }
        return try await ToleranceService(request: request).decide(
            try request.idParameter(), to: body.state, reasons: body.decision, version: body.version)
    }

    struct ClearingBody: Content {
        var clearing: String
        var version: Int
    }

    func clear(_ request: Request) async throws -> ToleranceCaseRecord {
        let body = try request.decodeForm(ClearingBody.self)
        return try await ToleranceService(request: request).clear(
            try request.idParameter(), statement: body.clearing, version: body.version)
    }

    func visit(_ request: Request) async throws -> Response {
        let input = try request.decodeForm(ToleranceService.VisitInput.self)
        return try .created(try await ToleranceService(request: request).addVisit(try request.idParameter(), input))
    }

    /// What a clearing says in public: never the case's facts, checklist or evidence.
    struct Clearing: Content {
        var reference: String
        var personName: String
        var personPost: String
        var unitName: String
        var title: String
        var clearing: String
        var clearedOn: String
    }

    func clearings(_ request: Request) async throws -> [Clearing] {
        try await ToleranceRead.clearings(today: request.clock.today, on: request.db).map { c in
            Clearing(
                reference: c.reference, personName: c.personName, personPost: c.personPost, unitName: c.unitName, title: c.title,
                clearing: c.clearing ?? "", clearedOn: c.clearedOn ?? "")
        }
    }
}
