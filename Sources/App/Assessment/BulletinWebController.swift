import Domain
import Vapor

/// 通报: the list (`/bulletins`), the bureau's preview (`/bulletins/draft?period=&issuer=`) and issue
/// (`POST /bulletins`), and each bulletin as issued (`/bulletins/{year}/{number}`; `?format=xlsx`
/// answers the same content as a workbook, through the export middleware).
struct BulletinWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.bulletins.pattern, use: list)
        pages.get(SiteURL.bulletinDraft.pattern, use: draft)
        pages.post(SiteURL.bulletins.pattern, use: issue)
        pages.get(SiteURL.bulletin(year: 0, number: 0).pattern, use: show)
    }

    func list(_ request: Request) async throws -> Response {
        try await render(request)
    }

    func draft(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .assessment)
        let raw = request.queryText("period")
        guard let period = RankingPeriod(raw), period.year <= request.clock.today.year else {
            throw Request.invalidQuery("period", raw, expected: "如 2026-10（月度）或 2026（年终）", "e.g. 2026-10 or 2026")
        }
        let values = ["period": period.description, "issuer": request.queryText("issuer")]
        do {
            let record = try await BulletinService(request: request).draft(period, issuer: values["issuer"])
            return .html(BulletinView.draft(record, context: PageContext(request: request)))
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            return try await render(request, form: FormState(values: values, error: error), status: error.status)
        }
    }

    func issue(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .assessment)
        let values = try request.content.decode([String: String].self)
        guard let period = RankingPeriod(values["period"] ?? "") else {
            return try await render(
                request, form: FormState(values: values, error: AppError.field("period", zh: "请选择期次。", en: "Choose a period.")),
                status: .unprocessableEntity)
        }
        do {
            let issued = try await BulletinService(request: request).issue(period, issuer: values["issuer"] ?? "")
            return request.redirect(to: SiteURL.bulletin(year: issued.record.year, number: issued.record.number).path)
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            return try await render(request, form: FormState(values: values, error: error), status: error.status)
        }
    }

    func show(_ request: Request) async throws -> Response {
        let issued = try await Self.issued(request)
        return .html(
            BulletinView.issued(issued, mayExport: request.may(.export, .assessment), context: PageContext(request: request)))
    }

    /// The bulletin a route's `:year/:number` names in the person's jurisdiction, once the policy
    /// lets them read what is published; anything else is a 404.
    static func issued(_ request: Request) async throws -> BulletinService.Issued {
        let user = try request.authorize(.read, .assessment)
        guard let year = request.parameters.get("year").flatMap({ Int($0) }),
            let number = request.parameters.get("number").flatMap({ Int($0) }),
            (2000...9999).contains(year), number > 0,
            AccessPolicy.may(user.roles, .readSeating, ties: [.withinJurisdiction, .published]),
            let issued = try await BulletinService.read(scope: user.scope.value, year: year, number: number, on: request.db)
        else { throw AppError.notFound }
        return issued
    }

    private func render(_ request: Request, form: FormState? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.authorize(.read, .assessment)
        let scope = user.scope.value
        let mayManage = request.may(.manage, .assessment)
        let issuable = mayManage ? try await BulletinService.issuable(scope: scope, on: request.db) : []
        var state = form ?? FormState(values: ["period": issuable.first?.description ?? ""])
        if (state.values["issuer"] ?? "").isEmpty { state.values["issuer"] = try await BulletinService(request: request).issuer(nil) }
        let model = BulletinView.ListModel(
            issued: try await BulletinService.list(scope: scope, on: request.db), issuable: issuable, mayManage: mayManage, form: state)
        return .html(BulletinView.list(model, context: PageContext(request: request)), status: status)
    }
}
