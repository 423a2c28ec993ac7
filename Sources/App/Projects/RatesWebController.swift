import Domain
import Fluent
import Vapor

/// The monthly rate table the bureau keeps, by which foreign capital is totalled in CNY.
struct RatesWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.rates.pattern, use: list)
        pages.post(SiteURL.rates.pattern, use: save)
    }

    func list(_ request: Request) async throws -> Response {
        try await render(request, form: FormState(values: ["currency": "USD", "month": String(request.clock.today.description.prefix(7))]))
    }

    private func render(_ request: Request, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        try request.authorize(.manage, .project)
        let rows = try await ExchangeRate.query(on: request.db).sort(\.$month, .descending).sort(\.$currency).range(..<120).all()
        let model = RatesView.Model(rows: rows.map { .init(month: $0.month, currency: $0.currency, rate: $0.rate) }, form: form)
        return .html(RatesView.render(model, context: PageContext(request: request)), status: status)
    }

    struct Body: Content {
        var currency: String?
        var month: String?
        var rate: String?
    }

    func save(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .project)
        let body = try request.decodeForm(Body.self)
        let values = ["currency": body.currency ?? "", "month": body.month ?? "", "rate": body.rate ?? ""]
        do {
            guard let currency = Currency(rawValue: body.currency ?? "") else {
                throw AppError.field("currency", zh: "请选择币种。", en: "Choose a currency.")
            }
            guard let rate = ExchangeRates.parseRate(body.rate ?? "") else {
                throw AppError.field("rate", zh: "汇率格式如 7.0982（最多四位小数）。", en: "A rate like 7.0982 (up to four decimals).")
            }
            try await ProjectService(request: request).setRate(currency, month: body.month ?? "", rate: rate)
            return request.redirect(to: SiteURL.rates.path)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await render(request, form: FormState(values: values, error: error), status: error.status)
        }
    }
}
