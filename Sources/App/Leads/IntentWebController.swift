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
        try await render(request, FormState(), sent: request.queryValue("sent") != nil)
    }

    private func render(_ request: Request, _ form: FormState, sent: Bool = false, status: HTTPResponseStatus = .ok) async throws
        -> Response
    {
        let context = PageContext(request: request)
        let csrf = request.formToken
        // where an investor may invest: the cities (and counties) this system serves
        let places = try await Jurisdiction.query(on: request.db).sort(\.$id).range(..<300).all()
            .filter { (try? JurisdictionCode($0.id!))?.level != .province }.map { (value: $0.id!, label: $0.name) }
        let model = IntentViews.FormModel(places: places, form: form, csrf: csrf, sent: sent)
        let response = Response.html(IntentViews.publicForm(model, context: context), status: status)
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
        let model = intents.map {
            IntentViews.Item(
                id: $0.id!, submitted: BeijingTime.text(millis: $0.submittedAt), company: $0.company, contact: $0.contact, phone: $0.phone,
                investmentText: $0.investmentText, message: $0.message)
        }
        return .html(IntentViews.inbox(model, context: PageContext(request: request)))
    }

    struct HandleBody: Content { var action: String? }

    func handle(_ request: Request) async throws -> Response {
        let service = IntentService(request: request)
        let id = try request.idParameter()
        _ = try await service.find(id)  // an intent out of reach is absent, whatever was sent
        let body = try request.decodeForm(HandleBody.self)
        guard let action = body.action, ["convert", "dismiss"].contains(action) else {
            throw AppError.field("action", zh: "请选择转为线索或不予处理。", en: "Choose convert or dismiss.")
        }
        let lead = try await service.handle(id, convert: action == "convert")
        if let lead { return request.redirect(to: SiteURL.lead(lead.id!).path) }
        return request.redirect(to: SiteURL.intents.path)
    }
}
