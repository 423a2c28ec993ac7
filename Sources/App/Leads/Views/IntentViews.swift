import Domain
import Foundation

/// The public intent form (no account) and the bureau's intent inbox.
enum IntentViews {
    struct FormModel {
        var places: [(value: String, label: String)]
        var form: FormState
        /// The anonymous form's own CSRF token (no session).
        var csrf: String
        var sent: Bool
    }

    static func publicForm(_ model: FormModel, context: PageContext) -> String {
        let lang = context.lang
        let (form, csrf, places, sent) = (model.form, model.csrf, model.places, model.sent)
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
        return Layout.bare(
            lang("投资意向登记", "Register your investment intent"), context: context,
            content: [el("h1", [], text(lang("投资意向登记", "Register your investment intent")))] + content)
    }

    struct Item: Sendable {
        var id: UUID
        var submitted: String
        var company: String
        var contact: String
        var phone: String
        var investmentText: String
        var message: String
    }

    static func inbox(_ items: [Item], context: PageContext) -> String {
        let lang = context.lang
        let rows = items.map { intent -> [HNode] in
            [
                text(intent.submitted), text(intent.company), text("\(intent.contact) \(intent.phone)"),
                text(intent.investmentText.isEmpty ? "—" : intent.investmentText), text(intent.message),
                el(
                    "div", [.cls("actions")],
                    Components.postForm(
                        .intentHandle(intent.id), context, cls: "inline",
                        [
                            voidEl("input", [.type("hidden"), .name("action"), .value("convert")]),
                            Components.submit(lang("转为线索", "Make a lead")),
                        ]),
                    Components.postForm(
                        .intentHandle(intent.id), context, cls: "inline",
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
        return Layout.page(
            lang("投资意向收件箱", "Intent inbox"), crumbs: [.init(title: lang("投资意向收件箱", "Intent inbox"))], context: context, content: content

        )
    }
}
