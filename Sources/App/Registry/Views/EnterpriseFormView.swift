import Domain
import Foundation

enum EnterpriseFormView {
    static func render(id: UUID?, form: FormState, regionOptions: [(value: String, label: String)], context: PageContext) -> String {
        let lang = context.lang
        let title = id == nil ? lang("登记企业", "Register an enterprise") : lang("编辑企业", "Edit enterprise")
        let currencies = Currency.allCases.map { (value: $0.rawValue, label: $0.rawValue + " " + $0.unitWord) }
        let tagOptions = EnterpriseTag.allCases.map { (value: $0.rawValue, label: $0.label(lang)) }
        let checked = Set(form["tags"].split(separator: ",").map(String.init))
        var attracted: [Attr] = [.type("checkbox"), .name("attracted"), .id("f-attracted")]
        if form["attracted"] == "on" || form["attracted"] == "true" { attracted.append(.flag("checked")) }
        var fields: [HNode] = Components.banner(form, lang)
        if id != nil { fields.append(voidEl("input", [.type("hidden"), .name("version"), .value(form["version"])])) }
        fields += [
            el(
                "div", [.cls("grid")],
                Components.field("name", lang("企业名称", "Name"), form, lang, required: true, attrs: [Attr(name: "maxlength", value: "100")]),
                Components.field(
                    "uscc", lang("统一社会信用代码", "USCC"), form, lang,
                    hint: lang("18 位，系统自动校验第 18 位校验码", "18 characters; the check character is verified"),
                    attrs: [Attr(name: "maxlength", value: "18"), Attr(name: "autocomplete", value: "off")]),
                Components.field("legalRepresentative", lang("法定代表人", "Legal representative"), form, lang),
                Components.field(
                    "industryCode", lang("行业代码（GB/T 4754）", "Industry code (GB/T 4754)"), form, lang,
                    hint: lang("如 C3982 电子电路制造", "e.g. C3982")),
                Components.select("regionCode", lang("所属地区", "Region"), regionOptions, form, lang, required: true),
                Components.field(
                    "registeredCapital", lang("注册资本", "Registered capital"), form, lang,
                    hint: lang("可写 5000万、1.2亿、800000", "e.g. 5000万, 1.2亿")),
                Components.select("currency", lang("币种", "Currency"), currencies, form, lang)),
            Components.textArea("formerNames", lang("曾用名（每行一个）", "Former names (one per line)"), form, lang),
            Components.checkboxes("tags", lang("标签", "Tags"), tagOptions, checked: checked, form, lang),
            el(
                "div", [.cls("field")],
                el("label", [.cls("check")], voidEl("input", attracted), text(lang("招商引资企业", "Attracted by investment promotion")))),
            el(
                "div", [.cls("actions")], Components.submit(lang("保存", "Save")),
                link(id.map { .enterprise($0) } ?? .enterprises, lang("取消", "Cancel"), [.cls("button")])),
        ]
        let action: SiteURL = id.map { .enterprise($0) } ?? .enterprises
        var crumbs: [Layout.Crumb] = [.init(title: lang("企业库", "Enterprises"), url: .enterprises)]
        crumbs.append(.init(title: title))
        return Layout.page(title, crumbs: crumbs, context: context, content: [Components.postForm(action, context, fields)])
    }
}
