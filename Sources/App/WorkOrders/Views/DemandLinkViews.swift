import Domain
import Foundation

/// The bureau's page for issuing one-time links, and the enterprise's page behind a link.
enum DemandLinkViews {
    static func links(_ form: FormState, created: (name: String, url: String)?, context: PageContext) -> String {
        let lang = context.lang
        var content: [HNode] = [
            el(
                "p", [.cls("muted")],
                text(
                    lang(
                        "为企业生成一次性链接：企业无需账号即可提交一项诉求或投诉，并通过同一链接查看进度、确认办理结果。链接只显示一次，请当面或通过短信交给企业。",
                        "A one-time link lets an enterprise submit one demand without an account and follow it. It is shown once.")))
        ]
        if let created {
            content.append(
                el(
                    "div", [.cls("alert ok"), Attr(name: "role", value: "status")],
                    text(lang("已为 \(created.name) 生成链接：", "Link for \(created.name): ")),
                    el("code", [.cls("link")], text(created.url))))
        }
        content.append(
            Components.postForm(
                .demandLinks, context,
                Components.banner(form, lang) + [
                    Components.field("enterpriseName", lang("企业名称", "Enterprise"), form, lang, required: true),
                    Components.submit(lang("生成链接", "Issue a link")),
                ]))
        return WorkOrderViews.subpage(("企业直通车链接", "Enterprise links"), intro: nil, content, context: context)
    }

    static func page(
        enterpriseName: String, token: String, order: WorkOrderDTO.Summary?, events: [WorkOrderDTO.Event], csrf: String, form: FormState,
        today: CivilDate,
        context: PageContext
    ) -> String {
        let lang = context.lang
        let csrfField = voidEl("input", [.type("hidden"), .name(CSRFMiddleware.field), .value(csrf)])
        var content: [HNode] = [el("h1", [], text(lang("企业诉求直通车", "Enterprise demand line"))), el("p", [], text(enterpriseName))]
        content += Components.banner(form, lang)
        guard let order else {
            let kinds = [WorkOrderKind.enterpriseDemand, .complaint].map { (value: $0.rawValue, label: $0.label(lang)) }
            var values = form
            if values["kind"].isEmpty { values.values["kind"] = WorkOrderKind.enterpriseDemand.rawValue }
            content.append(
                el(
                    "form", [.action(.demand(token)), .post, .cls("form")], csrfField,
                    Components.select("kind", lang("类型", "Kind"), kinds, values, lang, required: true),
                    Components.field("title", lang("事项", "Subject"), values, lang, required: true),
                    Components.textArea("detail", lang("具体情况与诉求", "What happened and what you need"), values, lang),
                    Components.submit(lang("提交", "Submit"))))
            return Layout.bare(lang("企业诉求直通车", "Enterprise demand line"), context: context, content: content)
        }
        var facts: [(String, HNode)] = [
            (lang("编号", "No."), text(order.number)), (lang("事项", "Subject"), text(order.title)),
            (lang("状态", "Status"), text(order.status.label(lang))), (lang("办理期限", "Deadline"), text(order.deadline)),
        ]
        if !order.answer.isEmpty { facts.append((lang("答复", "Answer"), text(order.answer))) }
        content.append(el("section", [.cls("panel")], Components.definitionList(facts)))
        if order.status == .answered {
            let version = voidEl("input", [.type("hidden"), .name("version"), .value(String(order.version))])
            let action = SiteURL.demandConfirm(token).path
            content.append(
                el(
                    "form", [Attr(name: "action", value: action), .post, .cls("inline")], csrfField, version,
                    voidEl("input", [.type("hidden"), .name("satisfied"), .value("1")]), Components.submit(lang("满意", "Satisfied"))))
            content.append(
                el(
                    "form", [Attr(name: "action", value: action), .post, .cls("form")], csrfField, version,
                    voidEl("input", [.type("hidden"), .name("satisfied"), .value("0")]),
                    Components.textArea("note", lang("不满意的原因", "Why not satisfied"), form, lang),
                    Components.submit(lang("不满意，退回重办", "Not satisfied, reopen"), cls: "")))
        }
        content.append(
            el(
                "ol", [.cls("timeline")],
                children: events.reversed().map { e in
                    el(
                        "li", [], el("div", [.cls("when")], text(e.onDate)),
                        el("div", [.cls("what")], text(WorkOrderViews.stepName(e.step, lang))))
                }))
        return Layout.bare(lang("企业诉求直通车", "Enterprise demand line"), context: context, content: content)
    }
}
