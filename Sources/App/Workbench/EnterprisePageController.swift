import Domain
import Fluent
import Vapor

/// 企业 360°: the registry entry with everything the rooms hold about the enterprise
/// (`EnterpriseStory`), and the bureau's ties of accounts to it; the registry's own forms stay in
/// `EnterpriseWebController`.
struct EnterprisePageController {
    func show(_ request: Request) async throws -> Response {
        try await show(request, accountForm: FormState())
    }

    private func show(_ request: Request, accountForm: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let enterprise = try await EnterpriseService(request: request).read(try request.idParameter())
        let story = try await EnterpriseStory.read(request, enterprise: enterprise)
        let context = PageContext(request: request)
        let figures = try await FigureRow.all(of: enterprise.id, on: request.db)
        let regions = try await JurisdictionNames.load(request)
        let accounts = request.may(.manage, .enterprise) ? try await EnterpriseAccounts.of(enterprise.id, on: request.db) : []
        let model = EnterpriseShowView.Model(
            enterprise: enterprise, figures: figures, regions: regions, saved: request.queryValue("saved") != nil,
            accounts: accounts, accountForm: accountForm, story: EnterpriseStoryView.render(story, enterprise: enterprise, context: context)
        )
        return .html(EnterpriseShowView.render(model, context: context), status: status)
    }

    struct AccountBody: Content {
        var login: String?
        var person: String?
    }

    /// 关联企业账号: a refusal re-renders the page with the login kept and the reason beside it.
    func linkAccount(_ request: Request) async throws -> Response {
        let id = try request.idParameter()
        let body = try request.decodeForm(AccountBody.self)
        do {
            try await EnterpriseAccounts(request: request).link(id, login: body.login ?? "")
            return request.redirect(to: SiteURL.enterprise(id).with(query: ["saved": "1"]))
        } catch let error as AppError where error.status != .forbidden && error.status != .notFound {
            return try await show(request, accountForm: FormState(values: ["login": body.login ?? ""], error: error), status: error.status)
        }
    }

    func unlinkAccount(_ request: Request) async throws -> Response {
        let id = try request.idParameter()
        guard let person = try request.decodeForm(AccountBody.self).person.flatMap(UUID.init(uuidString:)) else {
            throw AppError.badBody
        }
        try await EnterpriseAccounts(request: request).unlink(id, person: person)
        return request.redirect(to: SiteURL.enterprise(id).with(query: ["saved": "1"]))
    }
}
