import Domain
import Fluent
import FluentSQL
import Vapor

/// 包联 page: each leader's linked enterprises with this month's contacts and this quarter's
/// on-site offices, those behind first; the bureau links and unlinks.
struct LinkageWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.linkage.pattern, use: page)
        pages.post(SiteURL.linkage.pattern, use: add)
        pages.post(SiteURL.linkageEnd(SiteURL.anyID).pattern, use: end)
    }

    func page(_ request: Request) async throws -> Response {
        try await render(request, FormState())
    }

    private func render(_ request: Request, _ form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let (month, lines) = try await LinkageStanding.read(request)
        let leaders = request.may(.write, .linkage) ? try await DirectoryOptions.leaderOptions(request) : []
        return .html(
            LinkageViews.page(lines, month: month, leaders: leaders, form: form, context: PageContext(request: request)), status: status)
    }

    struct AddBody: Content {
        var leader: String?
        var enterpriseName: String?
    }

    func add(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(AddBody.self)
        do {
            try await LinkageService(request: request).add(
                leader: body.leader.flatMap(UUID.init(uuidString:)), enterpriseName: body.enterpriseName ?? "")
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await render(
                request, FormState(values: ["enterpriseName": body.enterpriseName ?? ""], error: error), status: error.status)
        }
        return request.redirect(to: SiteURL.linkage.path)
    }

    func end(_ request: Request) async throws -> Response {
        try await LinkageService(request: request).end(try request.idParameter())
        return request.redirect(to: SiteURL.linkage.path)
    }
}
