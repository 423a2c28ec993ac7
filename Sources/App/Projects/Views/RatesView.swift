import Domain
import Foundation

/// The monthly rate table the bureau keeps, and the form to set or correct a month's rate.
enum RatesView {
    struct Row: Sendable {
        var month: String
        var currency: String
        var rate: Int64
    }

    struct Model {
        var rows: [Row]
        var form: FormState
    }

    static func render(_ model: Model, context: PageContext) -> String {
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
                model.rows.map { [text($0.month), text($0.currency), text(ExchangeRates.rateText($0.rate))] },
                empty: lang("尚无汇率。", "No rates yet."), numeric: [2]),
            el("h2", [], text(lang("登记或更正汇率", "Set or correct a rate"))),
            Components.postForm(
                .rates, context, cls: "form narrow",
                Components.banner(model.form, lang) + [
                    el(
                        "div", [.cls("grid")],
                        Components.select("currency", lang("币种", "Currency"), currencies, model.form, lang, required: true),
                        Components.field("month", lang("月份", "Month"), model.form, lang, type: "month", required: true)),
                    Components.field("rate", lang("汇率（如 7.0982）", "Rate (e.g. 7.0982)"), model.form, lang, required: true),
                    Components.submit(lang("保存", "Save")),
                ]),
        ]
        return Layout.page(lang("汇率表", "Rate table"), crumbs: [.init(title: lang("汇率表", "Rate table"))], context: context, content: content)
    }
}
