import Domain
import Foundation

/// The ballot at phone width: the code, then each series' units with 满意 / 基本满意 / 不满意 /
/// 不了解 and a line for a comment.
enum BallotViews {
    /// A form of the code-holder's page (`/ballot`, `/survey`): no account, the CSRF token of the
    /// visitor's pre-login cookie, nothing filled in by the browser.
    static func codeForm(_ action: SiteURL, _ csrf: String, _ children: [HNode]) -> HNode {
        el(
            "form", [.action(action), .post, .cls("form ballot"), Attr(name: "autocomplete", value: "off")],
            children: [voidEl("input", [.type("hidden"), .name(CSRFMiddleware.field), .value(csrf)])] + children)
    }

    /// Where a code is typed (or put by the page's script from the link's `#`): the ballot's and
    /// the monthly survey's first page.
    static func codeEntry(
        _ action: SiteURL, title: String, heading: String, intro: String, label: String, submit: String, form: FormState, csrf: String,
        context: PageContext
    ) -> String {
        let content: [HNode] =
            [el("h1", [], text(heading))] + Components.banner(form, context.lang) + [
                el("p", [.cls("muted")], text(intro)),
                codeForm(
                    action, csrf,
                    [
                        Components.field(
                            "code", label, form, context.lang, required: true,
                            attrs: [
                                .data("hash-code", ""), Attr(name: "autocapitalize", value: "characters"),
                                Attr(name: "spellcheck", value: "false"), Attr(name: "maxlength", value: "40"),
                            ]),
                        voidEl("input", [.type("hidden"), .name("action"), .value("open")]),
                        el("p", [.cls("actions")], Components.submit(submit)),
                    ]),
            ]
        return Layout.bare(title, context: context, content: content)
    }

    static func entry(_ form: FormState, csrf: String, context: PageContext) -> String {
        codeEntry(
            .ballot, title: "投票", heading: "“双百双评”投票", intro: "请输入纸条上的 12 位选票码（字母不分大小写，可省略短横线）。投票不记名，系统不保存您是谁。",
            label: "选票码", submit: "打开选票", form: form, csrf: csrf, context: context)
    }

    static func ballot(_ b: BallotService.Ballot, form: FormState, saved: Bool, csrf: String, context: PageContext) -> String {
        let lang = context.lang
        var content: [HNode] = [el("h1", [], text(b.title))]
        content += Components.banner(form, lang)
        if saved { content.append(Components.notice("已暂存。今天内再次输入同一选票码即可继续；投票后不能修改。")) }
        var fields: [HNode] = [
            voidEl("input", [.type("hidden"), .name("code"), .value(b.code)]),
            el("p", [.cls("muted")], text("请评价下列每个单位。不了解的请选“不了解”，不计入该单位得分。意见建议可不填，每条不超过 \(BallotChoice.commentLimit) 字。")),
        ]
        for series in EvaluationSeries.allCases {
            let units = b.units.filter { $0.series == series }
            guard !units.isEmpty else { continue }
            fields.append(el("h2", [], text(series.label(lang))))
            for unit in units {
                let id = unit.unitID.uuidString
                let chosen = b.draft.answers[id]
                let options = BallotChoice.allCases.map { choice -> HNode in
                    var attrs: [Attr] = [.type("radio"), .name("u-" + id), .value(choice.rawValue)]
                    if chosen == choice { attrs.append(.flag("checked")) }
                    return el("label", [.cls("choice")], voidEl("input", attrs), text(choice.label))
                }
                var children: [HNode] = [el("legend", [], text(unit.name)), el("div", [.cls("choices")], children: options)]
                children += Components.errorLine("u-" + id, form, lang)
                children.append(
                    voidEl(
                        "input",
                        [
                            .type("text"), .name("c-" + id), .value(b.draft.comments[id] ?? ""), .aria("label", "\(unit.name)的意见建议"),
                            Attr(name: "placeholder", value: "意见建议（可不填）"),
                            Attr(name: "maxlength", value: String(BallotChoice.commentLimit)),
                        ]))
                children += Components.errorLine("c-" + id, form, lang)
                fields.append(el("fieldset", [.cls(form.errors["u-" + id] == nil ? "rate" : "rate has-error")], children: children))
            }
        }
        fields.append(
            el(
                "p", [.cls("actions sticky")],
                el("button", [.type("submit"), .name("action"), .value("save"), .cls("button")], text("暂存")),
                el("button", [.type("submit"), .name("action"), .value("cast"), .cls("primary")], text("提交投票"))))
        content.append(codeForm(.ballot, csrf, fields))
        return Layout.bare("投票", context: context, content: content)
    }

    static func thanks(_ title: String, context: PageContext) -> String {
        Layout.bare(
            "投票完成", context: context,
            content: [
                el("h1", [], text("投票完成，谢谢您！")),
                el("p", [], text("\(title)已收到您的选票。选票码已作废，系统没有保存您的身份，也没有保存这张选票本身，只把您的评价计入各单位的合计。")),
            ])
    }
}
