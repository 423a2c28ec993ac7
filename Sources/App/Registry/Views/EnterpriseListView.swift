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
