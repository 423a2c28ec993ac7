import Domain

enum EnterpriseListView {
    struct Model {
        var query: String
        var page: Int
        var rows: [EnterpriseDTO]
        var hasMore: Bool
        var regions: [String: String]
        var filter = EnterpriseSearch.Filter()
        var totals = EnterpriseSearch.Totals(count: 0, capital: [])
        /// The reader's jurisdiction: the regions under it are offered as a filter.
        var scope = ""
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
            toolbar.append(el("a", [.href(.imports), .cls("button")], text(lang("从 Excel 导入", "Import from Excel"))))
        }
        toolbar += ListViews.exportLinks(
            .enterprises, query: model.filter.query.merging(["q": model.query]) { $1 }, resource: .enterprise, context)
        // one unit for the column (`AmountColumn`), stated in its header
        let capital = AmountColumn.fitting(model.rows.map(\.registeredCapital).filter { $0.currency == .cny })
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
                text(
                    row.registeredCapital.currency == .cny
                        ? capital.cell(row.registeredCapital) : ChineseAmount.format(row.registeredCapital)),
                tags(row, lang),
            ]
        }
        let empty =
            model.query.isEmpty
            ? lang("辖区内暂无企业。", "No enterprises yet.") : lang("没有找到包含“\(model.query)”的企业。", "No enterprise matches “\(model.query)”.")
        let query = model.filter.query.merging(["q": model.query]) { $1 }
        let headers = [
            lang("企业名称", "Name"), lang("统一社会信用代码", "USCC"), lang("法定代表人", "Legal rep."), lang("所属地区", "Region"),
            lang("注册资本（\(capital.unit)）", "Capital (\(capital.unit))"), lang("标签", "Tags"),
        ]
        let sorts: [EnterpriseSearch.Sort?] = [.name, nil, nil, nil, .capital, nil]
        let heads = zip(headers, sorts).map { title, sort in
            sort.map {
                ListViews.sortLink(
                    title, sort: $0.rawValue, current: model.filter.sort.rawValue, descending: model.filter.descending, url: .enterprises,
                    query: query)
            } ?? text(title)
        }
        var summary: [HNode] = [
            model.totals.capped
                ? el(
                    "span", [],
                    text(
                        lang(
                            "\(model.totals.count) 家以上（请加条件缩小范围后查看合计）", "Over \(model.totals.count) (narrow the search for totals)")))
                : ListViews.count(model.totals.count, ("家企业", "enterprises"), lang)
        ]
        if !model.totals.capital.isEmpty {
            summary.append(
                el(
                    "span", [], text(lang("注册资本 ", "Registered capital ")),
                    el("strong", [], text(model.totals.capital.map(ChineseAmount.format).joined(separator: " + ")))))
        }
        let content: [HNode] = [
            el("div", [.cls("toolbar")], children: toolbar),
            filters(model, lang),
            el("p", [.cls("totals")], children: summary),
            Components.table(headers, rows, empty: empty, numeric: [4], heads: heads),
            Components.pager(.enterprises, query: query, page: model.page, hasMore: model.hasMore, lang),
        ]
        return Layout.page(
            lang("企业库", "Enterprise registry"), crumbs: [.init(title: lang("企业库", "Enterprises"))], context: context, content: content)
    }

    /// The filter panel, folded until something narrows the registry; the words travel with it.
    static func filters(_ model: Model, _ lang: Lang) -> HNode {
        let form = FormState(values: model.filter.query)
        // the districts and towns under the reader's jurisdiction, by code
        let regions = model.regions.filter { $0.key.hasPrefix(model.scope) && $0.key != model.scope }.sorted { $0.key < $1.key }
            .map { (value: $0.key, label: $0.value) }
        var fields: [HNode] = []
        if !regions.isEmpty {
            fields.append(Components.select("region", lang("所属地区", "Region"), regions, form, lang, blank: lang("全部", "All")))
        }
        fields += [
            Components.select("industry", lang("行业", "Industry"), IndustryOptions.all, form, lang, blank: lang("全部", "All")),
            Components.select(
                "attracted", lang("招商企业", "Attracted"), [("1", lang("是", "Yes")), ("0", lang("否", "No"))], form, lang,
                blank: lang("全部", "All")),
            Components.field("min", lang("注册资本下限（万元）", "Min capital (万元)"), form, lang, attrs: [Attr(name: "inputmode", value: "decimal")]),
            Components.field("max", lang("注册资本上限（万元）", "Max capital (万元)"), form, lang, attrs: [Attr(name: "inputmode", value: "decimal")]),
        ]
        let hidden: [HNode] = [("q", model.query), ("sort", model.filter.query["sort"] ?? ""), ("dir", model.filter.query["dir"] ?? "")]
            .filter { !$0.1.isEmpty }.map { name, value in voidEl("input", [.type("hidden"), .name(name), .value(value)]) }
        return el(
            "details", [.cls("panel filters")] + (model.filter.isEmpty ? [] : [.flag("open")]),
            el("summary", [], text(lang("筛选条件", "Filters"))),
            el(
                "form", [.get, .action(.enterprises)],
                el("div", [.cls("grid-auto")], children: fields),
                el(
                    "p", [.cls("actions")],
                    children: hidden + [
                        Components.submit(lang("筛选", "Filter"), cls: "primary"), link(.enterprises, lang("清除条件", "Clear")),
                    ])))
    }

    static func tags(_ enterprise: EnterpriseDTO, _ lang: Lang) -> HNode {
        var nodes = enterprise.tags.map { el("span", [.cls("tag")], text($0.label(lang))) }
        if enterprise.attracted { nodes.append(el("span", [.cls("tag attracted")], text(lang("招商企业", "Attracted")))) }
        return el("span", [], children: nodes)
    }
}
