import Domain
import Vapor

/// `GET /api/v1/bulletins` (the jurisdiction's bulletins, latest first), `GET /api/v1/bulletins/
/// {year}/{number}` (one as issued, with its digest and the check of it; `Accept` naming the
/// workbook answers the .xlsx) and `POST /api/v1/bulletins` (the bureau issues a period's: 201).
struct BulletinAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get(APIRoute.bulletins.pattern, use: list)
        api.post(APIRoute.bulletins.pattern, use: issue)
        api.get(APIRoute.bulletin.pattern, use: show)
    }

    struct Body: Content {
        var year: Int
        var number: Int
        var issuedAt: Int64
        var issuedBy: String
        var digest: String
        var intact: Bool
        var bulletin: BulletinRecord
    }

    static func body(_ b: BulletinService.Issued) -> Body {
        let p = b.publication
        return Body(
            year: b.record.year, number: b.record.number, issuedAt: p.at, issuedBy: p.by, digest: p.digest, intact: p.intact,
            bulletin: b.record)
    }

    func list(_ request: Request) async throws -> [BulletinService.Summary] {
        let user = try request.authorize(.read, .assessment)
        return try await BulletinService.list(scope: user.scope.value, on: request.db)
    }

    func show(_ request: Request) async throws -> Body {
        Self.body(try await BulletinWebController.issued(request))
    }

    struct IssueBody: Content {
        var period: String
        var issuer: String?
    }

    func issue(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .assessment)
        let body = try request.decodeForm(IssueBody.self)
        guard let period = RankingPeriod(body.period) else {
            throw AppError.field("period", zh: "期次应如 2026-10（月度）或 2026（年终）。", en: "A period such as 2026-10 or 2026.")
        }
        return try .created(Self.body(try await BulletinService(request: request).issue(period, issuer: body.issuer)))
    }
}
