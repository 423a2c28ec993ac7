import Domain
import Foundation

enum OrganisationViews {
    static func jurisdictions(_ all: [(code: String, name: String)], form: FormState, context: PageContext) -> String {
        let lang = context.lang
        let rows = all.map { j -> [HNode] in
            let level = (try? JurisdictionCode(j.code))?.level
            let levelText = level == .province ? lang("省", "Province") : level == .city ? lang("市", "City") : lang("县（区）", "County")
            return [text(j.code), text(j.name), text(levelText)]
        }
        var content: [HNode] = [
            Components.table(
                [lang("代码", "Code"), lang("名称", "Name"), lang("层级", "Level")], rows, empty: lang("尚未登记行政区划。", "No jurisdictions yet."))
        ]
        if context.may(.write, .organisation) {
            content.append(el("h2", [], text(lang("登记行政区划", "Register a jurisdiction"))))
            content.append(
                Components.postForm(
                    .jurisdictions, context,
                    Components.banner(form, lang) + [
                        el(
                            "div", [.cls("grid")],
                            Components.field(
                                "code", lang("代码（GB/T 2260）", "Code (GB/T 2260)"), form, lang, required: true,
                                attrs: [Attr(name: "maxlength", value: "6")]),
                            Components.field("name", lang("名称", "Name"), form, lang, required: true)),
                        Components.submit(lang("登记", "Register")),
                    ]))
        }
        return Layout.page(
            lang("行政区划", "Jurisdictions"), crumbs: [.init(title: lang("行政区划", "Jurisdictions"))], context: context, content: content)
    }

    static func unitTree(_ units: [UnitRow], context: PageContext) -> String {
        let lang = context.lang
        let ids = Set(units.map(\.id))
        // leadership group, bureau, departments, parks, towns, teams: the order of an org chart
        let order = Dictionary(uniqueKeysWithValues: UnitKind.allCases.enumerated().map { ($1, $0) })
        let sorted = units.sorted { (order[$0.kind] ?? 0, $0.name) < (order[$1.kind] ?? 0, $1.name) }
        let byParent = Dictionary(grouping: sorted) { unit -> UUID? in
            guard let parent = unit.parentId, ids.contains(parent) else { return nil }
            return parent
        }
        func branch(_ parent: UUID?, depth: Int) -> HNode {
            let children = (byParent[parent] ?? []).map { unit -> HNode in
                var line: [HNode] = [link(.unit(unit.id), unit.name), el("span", [.cls("kind")], text(unit.kind.label(lang)))]
                if let city = unit.hostCity { line.append(el("span", [.cls("kind")], text(lang("驻", "in ") + city))) }
                if unit.dissolvedOn != nil { line.append(el("span", [.cls("kind")], text(lang("已撤销", "dissolved")))) }
                if depth < 8, byParent[unit.id as UUID?] != nil { line.append(branch(unit.id, depth: depth + 1)) }
                return el("li", [], children: line)
            }
            return el("ul", [.cls("tree")], children: children)
        }
        var content: [HNode] = []
        if context.may(.write, .organisation) {
            content.append(el("div", [.cls("actions")], el("a", [.href(.unitNew), .cls("button")], text(lang("新建单位", "New unit")))))
        }
        content.append(
            units.isEmpty
                ? el("p", [.cls("empty")], text(lang("尚无单位。", "No units yet."))) : el("div", [.cls("panel")], branch(nil, depth: 0)))
        return Layout.page(lang("单位", "Units"), crumbs: [.init(title: lang("单位", "Units"))], context: context, content: content)
    }

    static func unit(
        _ unit: UnitDTO, parent: (id: UUID, name: String)?, children: [UnitDTO], members: [PersonDTO], context: PageContext
    ) -> String {
        let lang = context.lang
        var facts: [(String, HNode)] = [
            (lang("类型", "Kind"), text(unit.kind.label(lang))),
            (lang("行政区划", "Jurisdiction"), text(unit.jurisdictionCode)),
            (lang("上级单位", "Parent"), parent.map { link(.unit($0.id), $0.name) } ?? text("—")),
        ]
        if let city = unit.hostCity { facts.append((lang("驻在城市", "Host city"), text(city))) }
        if unit.kind == .residentOffice, context.may(.read, .activity) {
            facts.append(
                (lang("工作月报", "Monthly report"), link(.residentMonth(unit.id), lang("走访、引进项目与到位资金", "Visits, projects and funds"))))
        }
        if unit.kind == .park || unit.kind == .town, context.may(.read, .project) {
            facts.append(
                (lang("园区载体", "Park profile"), link(.parkProfile(unit.id), lang("产业定位、可用地、能耗指标", "Positioning, land, energy quota"))))
        }
        if let series = unit.evaluationSeries { facts.append((lang("测评系列", "Evaluation series"), text(series.label(lang)))) }
        if let dissolved = unit.dissolvedOn { facts.append((lang("撤销日期", "Dissolved on"), text(dissolved))) }
        var content: [HNode] = [el("section", [.cls("panel")], Components.definitionList(facts))]
        if context.may(.write, .organisation) {
            content.append(
                el(
                    "div", [.cls("actions")], el("a", [.href(.unitEdit(unit.id)), .cls("button")], text(lang("编辑", "Edit"))),
                    el(
                        "a", [.href(SiteURL.unitNew.with(query: ["parent": unit.id.uuidString])), .cls("button")],
                        text(lang("新建下级单位", "New sub-unit"))),
                    el(
                        "a", [.href(SiteURL.personNew.with(query: ["unit": unit.id.uuidString])), .cls("button")],
                        text(lang("新增人员", "Add person")))))
        }
        content.append(el("h2", [], text(lang("下级单位", "Sub-units"))))
        content.append(
            Components.table(
                [lang("名称", "Name"), lang("类型", "Kind")], children.map { [link(.unit($0.id), $0.name), text($0.kind.label(lang))] },
                empty: lang("无下级单位。", "None.")))
        content.append(el("h2", [], text(lang("人员（\(members.count)）", "People (\(members.count))"))))
        content.append(
            Components.table(
                [lang("姓名", "Name"), lang("职务", "Post"), lang("角色", "Roles")],
                members.map {
                    [link(.person($0.id), $0.name), text($0.post), text($0.roles.sorted().map { $0.label(lang) }.joined(separator: "、"))]
                }, empty: lang("暂无人员。", "Nobody yet.")))
        return Layout.page(
            unit.name, crumbs: [.init(title: lang("单位", "Units"), url: .units), .init(title: unit.name)], context: context, content: content
        )
    }

    static func values(of unit: UnitDTO) -> [String: String] {
        [
            "name": unit.name, "kind": unit.kind.rawValue, "jurisdictionCode": unit.jurisdictionCode,
            "parentID": unit.parentID?.uuidString ?? "", "hostCity": unit.hostCity ?? "",
            "evaluationSeries": unit.evaluationSeries?.rawValue ?? "", "dissolvedOn": unit.dissolvedOn ?? "",
            "version": String(unit.version),
        ]
    }

    static func unitForm(
        id: UUID?, form: FormState, jurisdictions: [(value: String, label: String)], parents: [(value: String, label: String)],
        context: PageContext
    ) -> String {
        let lang = context.lang
        let title = id == nil ? lang("新建单位", "New unit") : lang("编辑单位", "Edit unit")
        var fields: [HNode] = Components.banner(form, lang)
        if id != nil { fields.append(voidEl("input", [.type("hidden"), .name("version"), .value(form["version"])])) }
        fields += [
            el(
                "div", [.cls("grid")],
                Components.field("name", lang("单位名称", "Name"), form, lang, required: true),
                Components.select(
                    "kind", lang("类型", "Kind"), UnitKind.allCases.map { ($0.rawValue, $0.label(lang)) }, form, lang, required: true,
                    blank: lang("请选择", "Choose")),
                Components.select(
                    "jurisdictionCode", lang("行政区划", "Jurisdiction"), jurisdictions,
                    form, lang, required: true),
                Components.select(
                    "parentID", lang("上级单位", "Parent unit"), parents, form, lang,
                    blank: lang("（无）", "(none)")),
                Components.field("hostCity", lang("驻在城市（驻外机构必填）", "Host city (resident offices)"), form, lang),
                Components.select(
                    "evaluationSeries", lang("测评系列（部门）", "Evaluation series"),
                    EvaluationSeries.allCases.map { ($0.rawValue, $0.label(lang)) }, form, lang, blank: lang("（不参加）", "(none)")),
                Components.field("dissolvedOn", lang("撤销日期（工作专班）", "Dissolved on (task forces)"), form, lang, type: "date")),
            el(
                "div", [.cls("actions")], Components.submit(lang("保存", "Save")),
                link(id.map { .unit($0) } ?? .units, lang("取消", "Cancel"), [.cls("button")])),
        ]
        return Layout.page(
            title, crumbs: [.init(title: lang("单位", "Units"), url: .units), .init(title: title)], context: context,
            content: [Components.postForm(id.map { .unit($0) } ?? .units, context, fields)])
    }
}
