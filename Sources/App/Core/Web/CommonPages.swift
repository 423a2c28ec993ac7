import Domain
import Vapor

enum ErrorPage {
    static func render(_ error: AppError, context: PageContext) -> String {
        let lang = context.lang
        // a refusal that names its fields says each reason (a page with no form to put them on)
        let reasons = error.fields.sorted { $0.key < $1.key }.map { el("li", [], text($0.value.text(lang))) }
        var content: [HNode] = [el("div", [.cls("alert error"), Attr(name: "role", value: "alert")], text(error.message(lang)))]
        if !reasons.isEmpty { content.append(el("ul", [], children: reasons)) }
        content.append(el("p", [], link(.home, lang("返回工作台", "Back to home"))))
        let title = lang("出错了", "Something went wrong") + "（\(error.status.code)）"
        guard context.user != nil else { return Layout.bare(title, context: context, content: [el("h1", [], text(title))] + content) }
        return Layout.page(title, context: context, content: content)
    }
}

enum LoginPage {
    static func render(context: PageContext, csrf: String, next: String, login: String, error: String?) -> String {
        let lang = context.lang
        var children: [HNode] = [el("h1", [], text(lang("登录招商系统", "Log in to Zhaoshang")))]
        if let error { children.append(el("div", [.cls("alert error"), Attr(name: "role", value: "alert")], text(error))) }
        children += [
            voidEl("input", [.type("hidden"), .name(CSRFMiddleware.field), .value(csrf)]),
            voidEl("input", [.type("hidden"), .name("next"), .value(next)]),
            el(
                "div", [.cls("field")], el("label", [.for("login")], text(lang("用户名", "User name"))),
                voidEl(
                    "input",
                    [
                        .type("text"), .name("login"), .id("login"), .value(login), .flag("required"),
                        Attr(name: "autocomplete", value: "username"),
                    ])),
            el(
                "div", [.cls("field")], el("label", [.for("password")], text(lang("密码", "Password"))),
                voidEl(
                    "input",
                    [
                        .type("password"), .name("password"), .id("password"), .flag("required"),
                        Attr(name: "autocomplete", value: "current-password"),
                    ])),
            Components.submit(lang("登录", "Log in")),
        ]
        let form = el("form", [.action(.login), .post, .cls("login-box")], children: children)
        let switchForm = el(
            "p", [.cls("muted")],
            el(
                "form", [.action(.language), .post, .cls("inline")],
                voidEl("input", [.type("hidden"), .name("lang"), .value(lang == .zh ? "en" : "zh")]),
                voidEl("input", [.type("hidden"), .name("next"), .value(SiteURL.login.path)]),
                voidEl("input", [.type("hidden"), .name(CSRFMiddleware.field), .value(csrf)]),
                el("button", [.type("submit"), .cls("link-button")], text(lang == .zh ? "English" : "中文"))))
        let investors = el(
            "p", [.cls("muted")], text(lang("投资商无需账号：", "Investors need no account: ")),
            link(.intent, lang("投资意向登记", "register your investment intent")))
        return Layout.bare(lang("登录", "Log in"), context: context, content: [form, switchForm, investors])
    }
}
