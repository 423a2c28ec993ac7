import Fluent
import Vapor

/// Every route, grouped by capability; authentication and CSRF applied by group. Paths come from
/// the one route table: `SiteURL` for pages, `APIRoute` (its `.api` case) for `/api/v1`.
func routes(_ app: Application) throws {
    app.get(SiteURL.healthz.pattern, use: Health.check)
    app.get(SiteURL.metrics.pattern, use: Metrics.scrape)
    app.get(APIRoute.openAPI.pattern, use: OpenAPIDocument.serve)
    Stylesheet.route(app)

    let web = app.grouped(SessionMiddleware(), CSRFMiddleware())
    let auth = AuthController()
    web.get(SiteURL.login.pattern, use: auth.showLogin)
    web.post(SiteURL.login.pattern, use: auth.login)
    web.post(SiteURL.logout.pattern, use: auth.logout)
    web.post(SiteURL.language.pattern, use: auth.switchLanguage)
    IntentWebController().registerPublic(web)
    DemandLinkWebController().registerPublic(web)

    let gate = RouteGateMiddleware(gates: RouteGates.table, signedIn: RouteGates.signedIn)
    let pages = web.grouped(RequireLoginMiddleware(), gate)
    pages.get(SiteURL.home.pattern, use: HomeController().show)

    let enterprises = EnterpriseWebController()
    pages.get(SiteURL.enterprises.pattern, use: enterprises.list)
    pages.post(SiteURL.enterprises.pattern, use: enterprises.create)
    pages.get(SiteURL.enterpriseNew.pattern, use: enterprises.newForm)
    pages.get(SiteURL.enterprise(SiteURL.anyID).pattern, use: enterprises.show)
    pages.post(SiteURL.enterprise(SiteURL.anyID).pattern, use: enterprises.update)
    pages.get(SiteURL.enterpriseEdit(SiteURL.anyID).pattern, use: enterprises.editForm)
    pages.post(SiteURL.enterpriseFigures(SiteURL.anyID).pattern, use: enterprises.saveFigures)
    pages.post(SiteURL.enterpriseAccounts(SiteURL.anyID).pattern, use: enterprises.linkAccount)
    pages.post(SiteURL.enterpriseAccountUnlink(SiteURL.anyID).pattern, use: enterprises.unlinkAccount)

    LeadWebController().register(pages)
    ReviewWebController().register(pages)
    ProjectWebController().register(pages)
    ActivityWebController().register(pages)
    FiguresWebController().register(pages)
    ParkProfileWebController().register(pages)
    IntentWebController().register(pages)
    WorkOrderWebController().register(pages)
    OrganisationWebController().register(pages)
    SettingsWebController().register(pages)
    AuditController().register(pages)
    TokenController().registerWeb(pages)

    let api = app.grouped(BearerTokenMiddleware(), gate)
    let enterpriseAPI = EnterpriseAPIController()
    api.get(APIRoute.enterprises.pattern, use: enterpriseAPI.list)
    api.post(APIRoute.enterprises.pattern, use: enterpriseAPI.create)
    api.get(APIRoute.enterprise.pattern, use: enterpriseAPI.show)
    api.patch(APIRoute.enterprise.pattern, use: enterpriseAPI.update)
    OrganisationAPIController().register(api)
    SettingsAPIController().register(api)
    LeadAPIController().register(api)
    ProjectAPIController().register(api)
    ActivityAPIController().register(api)
    WorkOrderAPIController().register(api)
    WorkOrderSettingsAPIController().register(api)
    ReviewAPIController().register(api)
    TokenController().registerAPI(api)
}
