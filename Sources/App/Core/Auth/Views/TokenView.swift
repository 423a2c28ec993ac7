import Foundation

/// A person's personal API tokens: the secret once after creation, the list, the form.
enum TokenView {
    static func render(_ tokens: [TokenController.TokenDTO], secret: String?, form: FormState, context: PageContext) -> String {
        let lang = context.lang
        var content: [HNode] = []
        if let secret {
            content.append(Components.notice(lang("令牌已生成。它只显示这一次，请立即复制保存：", "Token created. It is shown only this time; copy it now:")))
            content.append(el("p", [.cls("secret")], text(secret)))
        }
        content.append(
            el(
                "p", [.cls("muted")],
                text(
                    lang(
                        "调用 \(APIRoute.prefix) 时在请求头加入 Authorization: Bearer <令牌>。接口说明见 \(SiteURL.api(.openAPI).path)。",
                        "Send Authorization: Bearer <token> to \(APIRoute.prefix). The API is described at \(SiteURL.api(.openAPI).path)."))
            ))
        content.append(
            Components.table(
                [lang("用途", "Name"), lang("创建时间", "Created"), lang("最近使用", "Last used"), lang("状态", "Status"), ""],
                tokens.map { token in
                    [
                        text(token.name), text(AuditView.time(token.createdAt * 1000)),
                        text(token.lastUsedAt.map { AuditView.time($0 * 1000) } ?? "—"),
                        text(token.revoked ? lang("已吊销", "Revoked") : lang("有效", "Active")),
                        !token.revoked
                            ? Components.postForm(
                                .tokenRevoke(token.id), context, cls: "inline",
                                [el("button", [.type("submit"), .cls("danger")], text(lang("吊销", "Revoke")))])
                            : text(""),
                    ]
                }, empty: lang("您还没有 API 令牌。", "You have no API tokens.")))
        content.append(el("h2", [], text(lang("新建令牌", "New token"))))
        content.append(
            Components.postForm(
                .tokens, context,
                Components.banner(form, lang) + [
                    Components.field("name", lang("用途", "What it is for"), form, lang, required: true),
                    Components.submit(lang("生成令牌", "Create token")),
                ]))
        return Layout.page(
            lang("API 令牌", "API tokens"), crumbs: [.init(title: lang("API 令牌", "API tokens"))], context: context, content: content)
    }
}
