import Domain
import Foundation

/// The month's survey at phone width, for an enterprise with its link: each indicator with the
/// units answering for it, 满意 / 基本满意 / 不满意 / 不了解 each.
enum SurveyViews {
    static func entry(_ form: FormState, csrf: String, context: PageContext) -> String {
        BallotViews.codeEntry(
            .survey, title: "满意度测评", heading: "企业满意度测评",
            intro: "请输入邀请函上的 12 位测评码（字母不分大小写，可省略短横线）；从链接打开的会自动填好。测评不记名，系统不保存哪家企业如何评价。", label: "测评码",
            submit: "打开测评", form: form, csrf: csrf, context: context)
    }

    static func form(
        _ f: SurveyAnswerService.Form, code: String, answers: [String: BallotChoice], form: FormState, csrf: String, context: PageContext
    ) -> String {
        let lang = context.lang
        var content: [HNode] = [el("h1", [], text(f.title))]
        content += Components.banner(form, lang)
        var fields: [HNode] = [
            voidEl("input", [.type("hidden"), .name("code"), .value(code)]),
            el("p", [.cls("muted")], text("请就每项营商环境指标，评价负责该指标的单位。不了解的请选“不了解”，不计入得分。提交后不能修改。")),
        ]
        for indicator in BusinessIndicator.allCases {
            let cells = f.cells.filter { $0.indicator == indicator }
            guard !cells.isEmpty else { continue }
            fields.append(el("h2", [], text("\(indicator.number). \(indicator.label)")))
            for cell in cells {
                let chosen = answers[cell.key]
                let options = BallotChoice.allCases.map { choice -> HNode in
                    var attrs: [Attr] = [.type("radio"), .name("a-" + cell.key), .value(choice.rawValue)]
                    if chosen == choice { attrs.append(.flag("checked")) }
                    return el("label", [.cls("choice")], voidEl("input", attrs), text(choice.label))
                }
                var children: [HNode] = [el("legend", [], text(cell.unitName)), el("div", [.cls("choices")], children: options)]
                children += Components.errorLine("a-" + cell.key, form, lang)
                fields.append(el("fieldset", [.cls(form.errors["a-" + cell.key] == nil ? "rate" : "rate has-error")], children: children))
            }
        }
        fields.append(
            el(
                "p", [.cls("actions sticky")],
                el("button", [.type("submit"), .name("action"), .value("answer"), .cls("primary")], text("提交评价"))))
        content.append(BallotViews.codeForm(.survey, csrf, fields))
        return Layout.bare("满意度测评", context: context, content: content)
    }

    static func thanks(_ title: String, context: PageContext) -> String {
        Layout.bare(
            "测评完成", context: context,
            content: [
                el("h1", [], text("提交成功，谢谢您！")),
                el("p", [], text("\(title)已收到您的评价。测评码已作废，系统没有保存贵企业的名称，也没有保存这份答卷本身，只把评价计入各单位、各指标的合计。")),
            ])
    }
}
