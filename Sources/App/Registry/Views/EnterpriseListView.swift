import Domain

enum EnterpriseListView {
    struct Model {
        var query: String
        var page: Int
        var rows: [EnterpriseDTO]
        var hasMore: Bool
        var regions: [String: String]
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let lang = context.lang
        var toolbar: [HNode] = [
            el(
                "form", [.action(.enterprises), .get, .cls("toolbar grow"), Attr(name: "role", value: "search")],
                el(
                    "div", [.cls("grow")],
                    el(
                        "label", [.for("q"), .cls("muted")],
                        text(lang("名称、曾用名、信用代码或法定代表人的任意部分", "Any part of name, former name, USCC or legal representative"))),
                    voidEl(
                        "input",
                        [
                            .type("search"), .name("q"), .id("q"), .value(model.query),
                            Attr(name: "placeholder", value: lang("如：伟德、线路板、91420800", "e.g. 伟德, 线路板")),
                        ])),
                Components.submit(lang("检索", "Search")))
        ]
        if context.may(.write, .enterprise) {
            toolbar.append(el("a", [.href(.enterpriseNew), .cls("button")], text(lang("登记企业", "Register enterprise"))))
        }
        let rows = model.rows.map { row -> [HNode] in
            [
                el(
                    "span", [], link(.enterprise(row.id), row.name),
                    row.formerNames.isEmpty
                        ? text("")
                        : el("div", [.cls("muted")], text(lang("曾用名：", "Formerly: ") + row.formerNames.joined(separator: "、")))),
                text(row.uscc ?? "—"),
                text(row.legalRepresentative.isEmpty ? "—" : row.legalRepresentative),
                text(model.regions[row.regionCode] ?? row.regionCode),
                text(ChineseAmount.format(row.registeredCapital)),
                tags(row, lang),
            ]
        }
        let empty =
            model.query.isEmpty
            ? lang("辖区内暂无企业。", "No enterprises yet.") : lang("没有找到包含“\(model.query)”的企业。", "No enterprise matches “\(model.query)”.")
        let content: [HNode] = [
            el("div", [.cls("toolbar")], children: toolbar),
            Components.table(
                [
                    lang("企业名称", "Name"), lang("统一社会信用代码", "USCC"), lang("法定代表人", "Legal rep."), lang("所属地区", "Region"),
                    lang("注册资本", "Capital"), lang("标签", "Tags"),
                ],
                rows, empty: empty, numeric: [4]),
            Components.pager(.enterprises, query: ["q": model.query], page: model.page, hasMore: model.hasMore, lang),
        ]
        return Layout.page(
            lang("企业库", "Enterprise registry"), crumbs: [.init(title: lang("企业库", "Enterprises"))], context: context, content: content)
    }

    static func tags(_ enterprise: EnterpriseDTO, _ lang: Lang) -> HNode {
        var nodes = enterprise.tags.map { el("span", [.cls("tag")], text($0.label(lang))) }
        if enterprise.attracted { nodes.append(el("span", [.cls("tag attracted")], text(lang("招商企业", "Attracted")))) }
        return el("span", [], children: nodes)
    }
}

enum EnterpriseShowView {
    static func render(_ enterprise: EnterpriseDTO, figures: [FigureRow], regions: [String: String], saved: Bool, context: PageContext)
        -> String
    {
        let lang = context.lang
        var content: [HNode] = []
        if saved { content.append(Components.notice(lang("已保存。", "Saved."))) }
        let facts = Components.definitionList([
            (lang("统一社会信用代码", "USCC"), text(enterprise.uscc ?? lang("（未登记）", "(none)"))),
            (lang("曾用名", "Former names"), text(enterprise.formerNames.isEmpty ? "—" : enterprise.formerNames.joined(separator: "、"))),
            (lang("法定代表人", "Legal representative"), text(enterprise.legalRepresentative.isEmpty ? "—" : enterprise.legalRepresentative)),
            (lang("行业代码", "Industry (GB/T 4754)"), text(enterprise.industryCode.isEmpty ? "—" : enterprise.industryCode)),
            (lang("所属地区", "Region"), text((regions[enterprise.regionCode] ?? "") + "（\(enterprise.regionCode)）")),
            (lang("注册资本", "Registered capital"), text(ChineseAmount.format(enterprise.registeredCapital))),
            (lang("标签", "Tags"), EnterpriseListView.tags(enterprise, lang)),
            (lang("版本", "Version"), text(String(enterprise.version))),
        ])
        content.append(el("section", [.cls("panel")], facts))
        if context.may(.write, .enterprise) {
            content.append(
                el("div", [.cls("actions")], el("a", [.href(.enterpriseEdit(enterprise.id)), .cls("button")], text(lang("编辑", "Edit")))))
        }
        content.append(el("h2", [], text(lang("年度经营数据", "Annual figures"))))
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
        return Layout.page(
            enterprise.name, crumbs: [.init(title: lang("企业库", "Enterprises"), url: .enterprises), .init(title: enterprise.name)],
            context: context, content: content)
    }
}
