import Domain
import Foundation

/// 企业页: the registry entry, its annual figures, and (for the bureau) the accounts that speak for it.
enum EnterpriseShowView {
    struct Model: Sendable {
        var enterprise: EnterpriseDTO
        var figures: [FigureRow]
        var regions: [String: String]
        var saved: Bool
        /// The accounts that speak for it; read for the bureau only (who ties them).
        var accounts: [EnterpriseAccounts.Account]
        var accountForm: FormState
        /// What the other rooms hold about it (the 360° parts), rendered by the workbench.
        var story: [HNode] = []
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let (enterprise, figures, regions) = (model.enterprise, model.figures, model.regions)
        let lang = context.lang
        var content: [HNode] = []
        if model.saved { content.append(Components.notice(lang("已保存。", "Saved."))) }
        let facts = Components.definitionList([
            (lang("统一社会信用代码", "USCC"), text(enterprise.uscc ?? lang("（未登记）", "(none)"))),
            (lang("曾用名", "Former names"), text(enterprise.formerNames.isEmpty ? "—" : enterprise.formerNames.joined(separator: "、"))),
            (lang("法定代表人", "Legal representative"), text(enterprise.legalRepresentative.isEmpty ? "—" : enterprise.legalRepresentative)),
            (
                lang("行业", "Industry (GB/T 4754)"),
                text(enterprise.industryCode.isEmpty ? "—" : IndustryCodes.label(enterprise.industryCode))
            ),
            (lang("所属地区", "Region"), text((regions[enterprise.regionCode] ?? "") + "（\(enterprise.regionCode)）")),
            (lang("注册资本", "Registered capital"), text(ChineseAmount.format(enterprise.registeredCapital))),
            (lang("标签", "Tags"), EnterpriseListView.tags(enterprise, lang)),
        ])
        content.append(el("section", [.cls("panel")], facts))
        if context.may(.write, .enterprise) {
            content.append(
                el("div", [.cls("actions")], el("a", [.href(.enterpriseEdit(enterprise.id)), .cls("button")], text(lang("编辑", "Edit")))))
        }
        content += model.story
        content.append(el("h2", [], text(lang("年度经营数据", "Annual figures"))))
        if let chart = chart(figures, lang) { content.append(chart) }
        let rows = figures.map { figure -> [HNode] in
            [
                text(String(figure.year)),
                text(ChineseAmount.format(Money(minorUnits: figure.outputMinor))),
                text(ChineseAmount.format(Money(minorUnits: figure.revenueMinor))),
                text(ChineseAmount.format(Money(minorUnits: figure.profitMinor))),
                text(ChineseAmount.format(Money(minorUnits: figure.taxMinor))),
                text(String(figure.employees)),
            ]
        }
        content.append(
            Components.table(
                [
                    lang("年度", "Year"), lang("产值", "Output"), lang("营业收入", "Revenue"), lang("利润", "Profit"), lang("税收", "Tax"),
                    lang("从业人数", "Employees"),
                ],
                rows, empty: lang("尚无年度数据。", "No annual figures yet."), numeric: [1, 2, 3, 4, 5]))
        if context.may(.write, .enterprise) {
            let form = FormState(values: ["year": "2025"])
            content.append(el("h2", [], text(lang("填报年度数据", "Report a year"))))
            content.append(
                Components.postForm(
                    .enterpriseFigures(enterprise.id), context,
                    [
                        el(
                            "div", [.cls("grid")],
                            Components.field("year", lang("年度", "Year"), form, lang, type: "number", required: true),
                            Components.field("employees", lang("从业人数", "Employees"), form, lang, type: "number"),
                            Components.field("output", lang("产值", "Output"), form, lang, hint: lang("可写 5000万、1.2亿", "e.g. 5000万, 1.2亿")),
                            Components.field("revenue", lang("营业收入", "Revenue"), form, lang),
                            Components.field("profit", lang("利润", "Profit"), form, lang),
                            Components.field("tax", lang("税收", "Tax"), form, lang)),
                        Components.submit(lang("保存年度数据", "Save figures")),
                    ]))
        }
        if context.may(.manage, .enterprise) { content += accounts(model, context: context) }
        return Layout.page(
            enterprise.name, crumbs: [.init(title: lang("企业库", "Enterprises"), url: .enterprises), .init(title: enterprise.name)],
            context: context, content: content)
    }

    /// Output by year as bars, each labelled in 万元 the way a cadre writes it.
    static func chart(_ figures: [FigureRow], _ lang: Lang) -> HNode? {
        let years = figures.sorted { $0.year < $1.year }.suffix(6)
        guard let top = years.map(\.outputMinor).max(), top > 0 else { return nil }
        let bars = years.map { figure -> HNode in
            // a meter, not a styled span: the page's policy allows no inline style
            return el(
                "div", [.cls("bar-row")], el("span", [.cls("bar-year")], text(String(figure.year))),
                el(
                    "meter",
                    [
                        Attr(name: "min", value: "0"), Attr(name: "max", value: String(top)),
                        Attr(name: "value", value: String(figure.outputMinor)),
                    ],
                    text("")),
                el("span", [.cls("bar-value")], text(ChineseAmount.format(Money(minorUnits: figure.outputMinor)))))
        }
        return el("figure", [.cls("bars"), .aria("label", lang("历年产值", "Output by year"))], children: bars)
    }

    /// 企业账号: who speaks for the enterprise through its own login, and the bureau's form to tie
    /// one (the system administrator opens the login with the 企业 role).
    static func accounts(_ model: Model, context: PageContext) -> [HNode] {
        let lang = context.lang
        let id = model.enterprise.id
        let rows = model.accounts.map { account -> [HNode] in
            [
                text(account.name), text(account.login), text(account.linkedOn),
                Components.postForm(
                    .enterpriseAccountUnlink(id), context, cls: "inline",
                    [
                        voidEl("input", [.type("hidden"), .name("person"), .value(account.personID.uuidString)]),
                        el("button", [.type("submit"), .cls("button small")], text(lang("解除", "Untie"))),
                    ]),
            ]
        }
        return [
            el("h2", [], text(lang("企业账号", "Enterprise accounts"))),
            el(
                "p", [.cls("small")],
                text(
                    lang(
                        "关联后，该账号以本企业名义提出诉求、跟踪办理并确认结果；只能看到自己提出的事项。",
                        "A tied account submits demands in this enterprise's name and sees only its own items."))),
            Components.table(
                [lang("联系人", "Contact"), lang("登录名", "Login"), lang("关联日期", "Tied on"), ""], rows,
                empty: lang("尚未关联账号。", "No account tied yet."), dates: [2]),
            Components.postForm(
                .enterpriseAccounts(id), context,
                Components.banner(model.accountForm, lang) + [
                    el(
                        "div", [.cls("grid")],
                        Components.field(
                            "login", lang("登录名", "Login"), model.accountForm, lang, required: true,
                            hint: lang("由系统管理员开设的“企业”角色账号", "An account with the enterprise role"))),
                    Components.submit(lang("关联账号", "Tie account")),
                ]),
        ]
    }
}
