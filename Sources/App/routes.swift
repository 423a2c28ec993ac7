import Fluent
import Vapor

/// Every route, grouped by capability; authentication and CSRF applied by group.
func routes(_ app: Application) throws {
    app.get("healthz", use: Health.check)
    app.get("metrics", use: Metrics.scrape)
    app.get("api", "v1", "openapi.yaml", use: OpenAPIDocument.serve)
    Stylesheet.route(app)

    let web = app.grouped(SessionMiddleware(), CSRFMiddleware())
    let auth = AuthController()
    web.get(SiteURL.login.pattern, use: auth.showLogin)
    web.post(SiteURL.login.pattern, use: auth.login)
    web.post(SiteURL.logout.pattern, use: auth.logout)
    web.post(SiteURL.language.pattern, use: auth.switchLanguage)
    IntentWebController().registerPublic(web)
    DemandLinkWebController().registerPublic(web)

    let pages = web.grouped(RequireLoginMiddleware())
    pages.get(SiteURL.home.pattern, use: HomeController().show)

    let enterprises = EnterpriseWebController()
    pages.get(SiteURL.enterprises.pattern, use: enterprises.list)
    pages.post(SiteURL.enterprises.pattern, use: enterprises.create)
    pages.get(SiteURL.enterpriseNew.pattern, use: enterprises.newForm)
    pages.get(SiteURL.enterprise(SiteURL.anyID).pattern, use: enterprises.show)
    pages.post(SiteURL.enterprise(SiteURL.anyID).pattern, use: enterprises.update)
    pages.get(SiteURL.enterpriseEdit(SiteURL.anyID).pattern, use: enterprises.editForm)
    pages.post(SiteURL.enterpriseFigures(SiteURL.anyID).pattern, use: enterprises.saveFigures)

    LeadWebController().register(pages)
    ReviewWebController().register(pages)
    ProjectWebController().register(pages)
    ActivityWebController().register(pages)
    FiguresWebController().register(pages)
    ParkProfileWebController().register(pages)
    IntentWebController().register(pages)
    WorkOrderWebController().register(pages)
    OrganisationWebController().register(pages)
    AuditController().register(pages)
    TokenController().registerWeb(pages)

    let api = app.grouped("api", "v1").grouped(BearerTokenMiddleware())
    let enterpriseAPI = EnterpriseAPIController()
    api.get("enterprises", use: enterpriseAPI.list)
    api.post("enterprises", use: enterpriseAPI.create)
    api.get("enterprises", ":id", use: enterpriseAPI.show)
    api.patch("enterprises", ":id", use: enterpriseAPI.update)
    OrganisationAPIController().register(api)
    LeadAPIController().register(api)
    ProjectAPIController().register(api)
    ActivityAPIController().register(api)
    WorkOrderAPIController().register(api)
    WorkOrderSettingsAPIController().register(api)
    ReviewAPIController().register(api)
    TokenController().registerAPI(api)
}
