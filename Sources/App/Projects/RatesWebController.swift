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
        let context = PageContext(request: request)
        let lang = context.lang
        let currencies = Currency.allCases.filter { $0 != .cny }.map { (value: $0.rawValue, label: "\($0.rawValue) \($0.unitWord)") }
        let content: [HNode] = [
            el(
                "p", [.cls("muted")],
                text(
                    lang(
                        "外资按到位当月汇率折算人民币合计；缺少某月汇率时，合计注明缺失月份，不作估算。",
                        "Foreign funds convert at the month's rate; a missing month is named, never guessed."))),
            Components.table(
                [lang("月份", "Month"), lang("币种", "Currency"), lang("1 单位折人民币", "CNY per unit")],
                rows.map { [text($0.month), text($0.currency), text(ExchangeRates.rateText($0.rate))] },
                empty: lang("尚无汇率。", "No rates yet."), numeric: [2]),
            el("h2", [], text(lang("登记或更正汇率", "Set or correct a rate"))),
            Components.postForm(
                .rates, context, cls: "form narrow",
                Components.banner(form, lang) + [
                    el(
                        "div", [.cls("grid")],
                        Components.select("currency", lang("币种", "Currency"), currencies, form, lang, required: true),
                        Components.field("month", lang("月份", "Month"), form, lang, type: "month", required: true)),
                    Components.field("rate", lang("汇率（如 7.0982）", "Rate (e.g. 7.0982)"), form, lang, required: true),
                    Components.submit(lang("保存", "Save")),
                ]),
        ]
        return .html(
            Layout.page(lang("汇率表", "Rate table"), crumbs: [.init(title: lang("汇率表", "Rate table"))], context: context, content: content),
            status: status)
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
