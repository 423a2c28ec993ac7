import Domain
import Foundation

/// A park's (or town's) profile for matching: positioning, free land and space, quotas, facilities.
enum ParkProfileView {
    struct Model {
        var unitID: UUID
        var unitName: String
        var form: FormState
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let lang = context.lang
        let form = model.form
        let facilities = ParkMatch.Facility.allCases.map { (value: $0.rawValue, label: $0.label(lang)) }
        let content: [HNode] = [
            el(
                "p", [.cls("muted")],
                text(lang("园区匹配据此为线索排序：产业定位、可用地、空余厂房、能耗指标余量、供电余量和配套设施。", "Park matching ranks leads against this profile."))),
            Components.postForm(
                .parkProfile(model.unitID), context, cls: "form narrow",
                Components.banner(form, lang) + [
                    voidEl("input", [.type("hidden"), .name("version"), .value(form["version"])]),
                    Components.field(
                        "industries", lang("产业定位（行业代码前缀，逗号分隔）", "Industries (code prefixes)"), form, lang,
                        hint: lang("如 C26,C27 为化工医药，C39 为电子信息", "e.g. C26,C27 chemicals; C39 electronics")),
                    el(
                        "div", [.cls("grid")], Components.field("freeLandMu", lang("可供地（亩）", "Free land (mu)"), form, lang),
                        Components.field("freeSpaceM2", lang("空余标准厂房（㎡）", "Free factory space (m²)"), form, lang)),
                    el(
                        "div", [.cls("grid")],
                        Components.field("energyQuotaTCE", lang("能耗指标余量（吨标煤）", "Energy quota left (tce)"), form, lang),
                        Components.field("powerCapacityKVA", lang("供电余量（kVA）", "Power left (kVA)"), form, lang)),
                    Components.checkboxes(
                        "facilities", lang("配套设施", "Facilities"), facilities,
                        checked: Set(form["facilities"].split(separator: ",").map(String.init)), form, lang),
                    Components.submit(lang("保存", "Save")),
                ]),
        ]
        let title = model.unitName + lang(" · 园区载体", " · profile")
        return Layout.page(
            title,
            crumbs: [
                .init(title: lang("单位", "Units"), url: .units), .init(title: model.unitName, url: .unit(model.unitID)),
                .init(title: lang("园区载体", "Profile")),
            ], context: context, content: content)
    }
}
