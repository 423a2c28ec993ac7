import Domain
import Vapor

/// `GET /api/v1/rankings?period=` (the period's ranking: published, else the draft),
/// `POST /api/v1/rankings` (the bureau publishes a period: 201) and `PUT /api/v1/score-formula`
/// (the bureau sets a year's formula whole). Scores in hundredths of a point.
struct RankingAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get(APIRoute.rankings.pattern, use: ranking)
        api.post(APIRoute.rankings.pattern, use: publish)
        api.put(APIRoute.scoreFormula.pattern, use: saveFormula)
    }

    struct Line: Content {
        var unitID: UUID
        var unitName: String
        var unitKind: String
        var place: Int
        var score: Int64
        var resultsScore: Int64
        var targetMetOn: String?
        var previousPlace: Int?
        var previousScore: Int64?
        var lines: [RankingRecords.LineRecord]
    }

    struct Body: Content {
        var period: String
        var through: String
        var published: Bool
        var publishedAt: Int64?
        var publishedBy: String?
        var digest: String?
        var intact: Bool?
        var linesHidden: Bool
        var formula: RankingRecords.FormulaRecord
        var formulaVersion: Int
        var tieRule: String
        var units: [Line]
    }

    static func body(_ r: RankingService.Ranking, previous: RankingService.Ranking?) -> Body {
        let before = Dictionary((previous?.lines ?? []).map { ($0.unit.id, $0) }, uniquingKeysWith: { a, _ in a })
        return Body(
            period: r.period.description, through: r.through.description, published: r.publication != nil, publishedAt: r.publication?.at,
            publishedBy: r.publication?.by, digest: r.publication?.digest, intact: r.publication?.intact, linesHidden: r.hidden,
            formula: .init(r.formula), formulaVersion: r.formulaVersion, tieRule: Domain.Ranking.tieRule,
            units: r.lines.map { line in
                Line(
                    unitID: line.unit.id, unitName: line.unit.name, unitKind: line.unit.kind.rawValue, place: line.place,
                    score: line.score.centipoints, resultsScore: line.score.resultsCentipoints, targetMetOn: line.targetMetOn?.description,
                    previousPlace: before[line.unit.id]?.place, previousScore: before[line.unit.id]?.score.centipoints,
                    lines: line.score.lines.map(RankingRecords.LineRecord.init))
            })
    }

    func ranking(_ request: Request) async throws -> Body {
        let period = try RankingWebController.period(request)
        let ranking = try await RankingService(request: request).ranking(period)
        let previous = try await RankingService.previous(scope: try request.requireUser().scope.value, before: period, on: request.db)
        return Self.body(ranking, previous: previous)
    }

    struct PublishBody: Content {
        var period: String
        var formulaVersion: Int
    }

    func publish(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .assessment)
        let body = try request.decodeForm(PublishBody.self)
        guard let period = RankingPeriod(body.period) else {
            throw AppError.field("period", zh: "期次应如 2026-10（月度）或 2026（年终）。", en: "A period such as 2026-10 or 2026.")
        }
        let ranking = try await RankingService(request: request).publish(period, formulaVersion: body.formulaVersion)
        let previous = try await RankingService.previous(scope: try request.requireUser().scope.value, before: period, on: request.db)
        return try .created(Self.body(ranking, previous: previous))
    }

    struct FormulaBody: Content {
        var year: Int
        var version: Int
        var weights: [String: Int]
        var deductions: [String: Int]?
        var capPermille: Int64?
    }

    struct StoredFormula: Content {
        var year: Int
        var version: Int
        var formula: RankingRecords.FormulaRecord
    }

    func saveFormula(_ request: Request) async throws -> StoredFormula {
        try request.authorize(.manage, .assessment)
        let body = try request.decodeForm(FormulaBody.self)
        let formula = try RankingRecords.FormulaRecord(
            weights: body.weights, deductions: body.deductions ?? [:], capPermille: body.capPermille ?? 1200
        )
        .formula()
        let stored = try await RankingService(request: request).saveFormula(year: body.year, formula: formula, version: body.version)
        return StoredFormula(year: body.year, version: stored.version, formula: .init(stored.formula))
    }
}
