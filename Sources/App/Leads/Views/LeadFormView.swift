import Domain

/// One column, big fields: a cadre submits from a phone in under a minute.
enum LeadFormView {
    static func render(form: FormState, context: PageContext) -> String {
        let lang = context.lang
        let channels = LeadChannel.allCases.filter { $0 != .publicForm }.map { (value: $0.rawValue, label: $0.label(lang)) }
        let currencies = Currency.allCases.map { (value: $0.rawValue, label: $0.rawValue + " " + $0.unitWord) }
        var fields: [HNode] = Components.banner(form, lang)
        // the industry by name: the browser suggests 门类 and 大类 as one types (a datalist, no script);
        // a finer code (C3982) may be typed as it is
        let industries = el(
            "datalist", [.id("industry-codes")],
            children: IndustryOptions.all.map { el("option", [.value($0.value)], text($0.label.trimmingCharacters(in: .whitespaces))) })
        fields += [
            Components.field(
                "enterpriseName", lang("企业名称", "Enterprise"), form, lang, required: true,
                hint: lang(
                    "输入两个字以上即提示企业库中的企业；与企业库中同名的企业自动关联，并带出信用代码",
                    "Suggests registry entries as you type; tied to the entry of that name, with its USCC"),
                attrs: [
                    Attr(name: "maxlength", value: "100"), Attr(name: "list", value: "registry-names"),
                    Attr(name: "autocomplete", value: "off"), Attr(name: "data-suggest", value: SiteURL.enterpriseSuggest.path),
                    Attr(name: "data-fills", value: "uscc industryCode"),
                ]),
            el("datalist", [.id("registry-names")]),
            Components.field("uscc", lang("统一社会信用代码（如知道）", "USCC (if known)"), form, lang, attrs: [Attr(name: "maxlength", value: "18")]),
            Components.field(
                "industryCode", lang("行业（输入名称或代码）", "Industry (name or code)"), form, lang,
                hint: lang("如 计算机、C39 或 C3982", "e.g. C39 or C3982"), attrs: [Attr(name: "list", value: "industry-codes")]),
            industries,
            Components.textArea("projectContent", lang("项目内容（产品、产能、建设内容）", "Project content"), form, lang),
            el(
                "div", [.cls("grid")],
                Components.field(
                    "investment", lang("意向投资额", "Intended investment"), form, lang, required: true,
                    hint: lang("如 5亿、8000万", "e.g. 5亿, 8000万")),
                Components.select("currency", lang("币种", "Currency"), currencies, form, lang)),
            Components.select("channel", lang("线索来源", "Channel"), channels, form, lang, required: true),
            el(
                "div", [.cls("grid")],
                Components.field(
                    "contactName", lang("投资方联系人", "Contact person"), form, lang, attrs: [Attr(name: "maxlength", value: "30")]),
                Components.field(
                    "contactPhone", lang("联系电话", "Phone"), form, lang, type: "tel",
                    attrs: [Attr(name: "inputmode", value: "tel"), Attr(name: "maxlength", value: "24")]),
                Components.field("homeCity", lang("企业所在城市", "Home city"), form, lang, hint: lang("如 深圳", "e.g. 深圳"))),
            el(
                "details", [.cls("needs")],
                el("summary", [], text(lang("项目需求（用地、厂房、能耗、电力、用工）", "Needs (land, space, energy, power, jobs)"))),
                el(
                    "div", [.cls("grid")],
                    Components.field("landMu", lang("用地（亩）", "Land (mu)"), form, lang, attrs: [Attr(name: "inputmode", value: "decimal")]),
                    Components.field(
                        "spaceM2", lang("标准厂房（㎡）", "Factory space (m²)"), form, lang, attrs: [Attr(name: "inputmode", value: "numeric")]),
                    Components.field(
                        "energyTCE", lang("能耗（吨标煤/年）", "Energy (tce/year)"), form, lang, attrs: [Attr(name: "inputmode", value: "numeric")]),
                    Components.field(
                        "powerKVA", lang("用电负荷（kVA）", "Power (kVA)"), form, lang, attrs: [Attr(name: "inputmode", value: "numeric")]),
                    Components.field("jobs", lang("用工（人）", "Jobs"), form, lang, attrs: [Attr(name: "inputmode", value: "numeric")]))),
            Components.textArea("notes", lang("情况说明", "Notes"), form, lang),
        ]
        if form["showConfirm"] == "1" {
            fields.append(
                el(
                    "div", [.cls("field")],
                    el(
                        "label", [.cls("check")],
                        voidEl("input", [.type("checkbox"), .name("confirmDuplicate"), .id("f-confirmDuplicate")]),
                        text(lang("确属不同项目，仍要提交（由投促局合并或关联）", "A different project: submit anyway (the bureau merges or links)")))))
        }
        fields.append(
            el("div", [.cls("actions")], Components.submit(lang("提交线索", "Submit")), link(.leads, lang("取消", "Cancel"), [.cls("button")])))
        let title = lang("提交招商线索", "Submit a lead")
        return Layout.page(
            title, crumbs: [.init(title: lang("招商线索", "Leads"), url: .leads), .init(title: title)], context: context,
            content: [Components.postForm(.leads, context, cls: "form narrow", fields)])
    }
}
