import Domain
import Fluent
import Vapor

/// The public intent page (no account; protected by a double-submit token and a rate limit) and
/// the bureau's inbox.
struct IntentWebController {
    func registerPublic(_ web: any RoutesBuilder) {
        web.get(SiteURL.intent.pattern, use: form)
        web.post(SiteURL.intent.pattern, use: submit)
    }

    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.intents.pattern, use: inbox)
        pages.post(SiteURL.intentHandle(SiteURL.anyID).pattern, use: handle)
    }

    func form(_ request: Request) async throws -> Response {
        try await render(request, FormState(), sent: request.query[String.self, at: "sent"] != nil)
    }

    private func render(_ request: Request, _ form: FormState, sent: Bool = false, status: HTTPResponseStatus = .ok) async throws
        -> Response
    {
        let context = PageContext(request: request)
        let lang = context.lang
        let csrf = request.formToken
        // where an investor may invest: the cities (and counties) this system serves
        let places = try await Jurisdiction.query(on: request.db).sort(\.$id).range(..<300).all()
            .filter { (try? JurisdictionCode($0.id!))?.level != .province }.map { (value: $0.id!, label: $0.name) }
        var fields: [HNode] = Components.banner(form, lang)
        fields += [
            voidEl("input", [.type("hidden"), .name(CSRFMiddleware.field), .value(csrf)]),
            Components.select("jurisdiction", lang("意向投资地", "Where to invest"), places, form, lang, required: true),
            Components.field("company", lang("企业名称", "Company"), form, lang, required: true),
            el(
                "div", [.cls("grid")], Components.field("contact", lang("联系人", "Contact"), form, lang, required: true),
                Components.field("phone", lang("联系电话", "Phone"), form, lang, type: "tel", required: true)),
            el(
                "div", [.cls("grid")],
                Components.field(
                    "investment", lang("意向投资额", "Investment"), form, lang, hint: lang("如 5000万、2亿、1000万美元", "e.g. 5000万, 1000万美元")),
                Components.field("industry", lang("行业", "Industry"), form, lang)),
            Components.textArea("message", lang("投资意向说明（产品、用地、用工等）", "Your plans (products, land, jobs)"), form, lang),
            el(
                "div", [.cls("hp"), .aria("hidden", "true")],
                voidEl(
                    "input",
                    [.type("text"), .name("website"), Attr(name: "tabindex", value: "-1"), Attr(name: "autocomplete", value: "off")])),
            Components.submit(lang("提交", "Submit")),
        ]
        var content: [HNode] = [
            el("p", [.cls("muted")], text(lang("无需注册。投资促进局将在工作日内与您联系；您的信息仅用于招商工作。", "No account needed. The bureau will contact you.")))
        ]
        if sent { content.append(Components.notice(lang("已收到您的投资意向，投资促进局将尽快与您联系。", "Received; the bureau will contact you soon."))) }
        content.append(el("form", [.action(.intent), .post, .cls("form")], children: fields))
        let response = Response.html(
            Layout.bare(
                lang("投资意向登记", "Register your investment intent"), context: context,
                content: [el("h1", [], text(lang("投资意向登记", "Register your investment intent")))] + content), status: status)
        return response.carrying(formToken: csrf, for: request)
    }

    struct Body: Content {
        var jurisdiction: String?
        var company: String?
        var contact: String?
        var phone: String?
        var investment: String?
        var industry: String?
        var message: String?
        /// A field people never see: a form that fills it was filled by a robot.
        var website: String?
    }

    func submit(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(Body.self)
        let values = [
            "jurisdiction": body.jurisdiction ?? "", "company": body.company ?? "", "contact": body.contact ?? "",
            "phone": body.phone ?? "",
            "investment": body.investment ?? "", "industry": body.industry ?? "", "message": body.message ?? "",
        ]
        guard (body.website ?? "").isEmpty else { return request.redirect(to: SiteURL.intent.with(query: ["sent": "1"])) }
        do {
            try await IntentService(request: request).submit(
                .init(
                    jurisdiction: body.jurisdiction ?? "", company: body.company ?? "", contact: body.contact ?? "",
                    phone: body.phone ?? "",
                    investment: body.investment ?? "", industry: body.industry ?? "", message: body.message ?? ""))
            return request.redirect(to: SiteURL.intent.with(query: ["sent": "1"]))
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .tooManyRequests {
            return try await render(request, FormState(values: values, error: error), status: error.status)
        }
    }

    func inbox(_ request: Request) async throws -> Response {
        let intents = try await IntentService(request: request).inbox()
        let context = PageContext(request: request)
        let lang = context.lang
        let rows = intents.map { intent -> [HNode] in
            [
                text(BeijingTime.text(millis: intent.submittedAt)), text(intent.company), text("\(intent.contact) \(intent.phone)"),
                text(intent.investmentText.isEmpty ? "—" : intent.investmentText), text(intent.message),
                el(
                    "div", [.cls("actions")],
                    Components.postForm(
                        .intentHandle(intent.id!), context, cls: "inline",
                        [
                            voidEl("input", [.type("hidden"), .name("action"), .value("convert")]),
                            Components.submit(lang("转为线索", "Make a lead")),
                        ]),
                    Components.postForm(
                        .intentHandle(intent.id!), context, cls: "inline",
                        [
                            voidEl("input", [.type("hidden"), .name("action"), .value("dismiss")]),
                            Components.submit(lang("不予受理", "Set aside"), cls: ""),
                        ])),
            ]
        }
        let content: [HNode] = [
            el("p", [.cls("muted")], text(lang("公开页面：", "Public page: ") + SiteURL.intent.path)),
            Components.table(
                [
                    lang("提交时间", "Submitted"), lang("企业", "Company"), lang("联系人", "Contact"), lang("意向投资", "Investment"),
                    lang("说明", "Message"), "",
                ],
                rows, empty: lang("收件箱为空。", "The inbox is empty.")),
        ]
        return .html(
            Layout.page(
                lang("投资意向收件箱", "Intent inbox"), crumbs: [.init(title: lang("投资意向收件箱", "Intent inbox"))], context: context, content: content
            ))
    }

    struct HandleBody: Content { var action: String? }

    func handle(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(HandleBody.self)
        guard let action = body.action, ["convert", "dismiss"].contains(action) else { throw AppError.badBody }
        let lead = try await IntentService(request: request).handle(try request.idParameter(), convert: action == "convert")
        if let lead { return request.redirect(to: SiteURL.lead(lead.id!).path) }
        return request.redirect(to: SiteURL.intents.path)
    }
}
