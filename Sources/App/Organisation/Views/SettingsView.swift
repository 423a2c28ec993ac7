import Domain
import Foundation

/// 规则设置: the response clock, the major-project threshold and the stall limits that hold in a
/// jurisdiction today, where they come from, what is scheduled and what held before; the bureau
/// sets a new rule from a day on.
enum SettingsView {
    struct Entry {
        var jurisdictionName: String
        var effectiveFrom: String
        var settings: JurisdictionSettings
        var note: String
        var setBy: String
        var state: State
    }

    enum State { case scheduled, inForce, superseded }

    struct Model {
        var jurisdiction: String
        var jurisdictionName: String
        /// Jurisdictions the user may look at (their own and those inside it).
        var choices: [(value: String, label: String)]
        var today: CivilDate
        var inEffect: JurisdictionSettings
        /// Where today's rule comes from: nil for the standard rules.
        var source: Entry?
        var entries: [Entry]
        var mayManage: Bool
        var form: FormState
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let lang = context.lang
        let title = lang("规则设置", "Rules")
        var content: [HNode] = [
            el(
                "p", [.cls("muted")],
                text(
                    lang(
                        "线索响应时限、重大项目标准和停滞预警按辖区设置，自生效日期起适用于新发生的事项；已确定的时限和已作出的判定不因调整而改变。外币金额按当月汇率折算人民币后比较。",
                        "The response clock, the major threshold and the stall limits are set per jurisdiction and apply from their date to what happens next; deadlines already fixed keep their values. Foreign amounts compare in CNY at the month's rate."
                    )))
        ]
        if model.choices.count > 1 {
            content.append(
                el(
                    "form", [.get, .action(.settings), .cls("toolbar")],
                    el(
                        "div", [.cls("grow")],
                        Components.select(
                            "jurisdiction", lang("辖区", "Jurisdiction"), model.choices,
                            FormState(values: ["jurisdiction": model.jurisdiction]),
                            lang)),
                    Components.submit(lang("查看", "Show"), cls: "secondary")))
        }
        let origin: String =
            if let source = model.source {
                source.jurisdictionName == model.jurisdictionName
                    ? lang("本辖区自 \(source.effectiveFrom) 起执行（依据：\(source.note)）", "This jurisdiction's own, from \(source.effectiveFrom)")
                    : lang("沿用\(source.jurisdictionName)自 \(source.effectiveFrom) 起的设置", "Inherited from \(source.jurisdictionName)")
            } else {
                lang("系统标准规则（本辖区及上级均未另行设置）", "The standard rules (nothing set here or above)")
            }
        content += [
            el("h2", [], text(lang("\(model.jurisdictionName) 今日（\(model.today)）执行的规则", "In force today in \(model.jurisdictionName)"))),
            el("p", [.cls("muted small")], text(origin)),
        ]
        content += rules(model.inEffect, lang)
        content.append(el("h2", [], text(lang("已排定与历史设置", "Scheduled and past settings"))))
        content.append(
            Components.table(
                [
                    lang("生效日期", "From"), lang("辖区", "Jurisdiction"), lang("响应时限（工作日）", "Clock (working days)"),
                    lang("重大项目", "Major"), lang("停滞预警", "Stall"), lang("依据", "Authority"), lang("状态", "State"),
                ],
                model.entries.map { entry in
                    [
                        text(entry.effectiveFrom), text(entry.jurisdictionName), text(clockSummary(entry.settings, lang)),
                        text("≥ " + ChineseAmount.format(entry.settings.majorThreshold)),
                        text(
                            lang(
                                "签约\(entry.settings.signedNotStartedDays)天 / 无动态\(entry.settings.quietDays)天",
                                "\(entry.settings.signedNotStartedDays) / \(entry.settings.quietDays) d")),
                        text(entry.note + (entry.setBy.isEmpty ? "" : "（\(entry.setBy)）")), stateTag(entry.state, lang),
                    ]
                }, empty: lang("尚无设置：执行系统标准规则。", "Nothing set: the standard rules hold.")))
        if model.mayManage { content += form(model, lang, context) }
        return Layout.page(title, crumbs: [.init(title: title)], context: context, content: content)
    }

    static func tierRange(_ tiers: [JurisdictionSettings.ClockTier], _ index: Int) -> String {
        let low = ChineseAmount.format(Money(minorUnits: tiers[index].minimumMinorUnits))
        if index == 0 { return "≥ " + low }
        let high = ChineseAmount.format(Money(minorUnits: tiers[index - 1].minimumMinorUnits))
        return index == tiers.count - 1 ? "< " + high : "\(low) – \(high)"
    }

    static func clockSummary(_ settings: JurisdictionSettings, _ lang: Lang) -> String {
        settings.clockTiers.enumerated().map { index, tier in
            "\(tierRange(settings.clockTiers, index)) \(tier.respondDays)/\(tier.assessDays)/\(tier.feedbackDays)"
        }.joined(separator: "；")
    }

    static func rules(_ settings: JurisdictionSettings, _ lang: Lang) -> [HNode] {
        [
            Components.table(
                [lang("线索投资额", "Lead size"), lang("首次响应", "Respond"), lang("完成评估", "Assess"), lang("反馈线索提供方", "Feedback")],
                settings.clockTiers.enumerated().map { index, tier in
                    [
                        text(tierRange(settings.clockTiers, index)), text(lang("\(tier.respondDays) 个工作日", "\(tier.respondDays) wd")),
                        text(lang("\(tier.assessDays) 个工作日", "\(tier.assessDays) wd")),
                        text(lang("\(tier.feedbackDays) 个工作日", "\(tier.feedbackDays) wd")),
                    ]
                }, empty: ""),
            el(
                "ul", [.cls("facts")],
                el(
                    "li", [],
                    text(
                        lang(
                            "重大项目：投资额 ≥ \(ChineseAmount.format(settings.majorThreshold))，须明确包保领导",
                            "Major from \(ChineseAmount.format(settings.majorThreshold))"))),
                el(
                    "li", [],
                    text(
                        lang(
                            "停滞预警：签约后 \(settings.signedNotStartedDays) 天未开工",
                            "Stalled: signed \(settings.signedNotStartedDays) days, not started"))),
                el("li", [], text(lang("停滞预警：\(settings.quietDays) 天无任何动态", "Quiet: no activity for \(settings.quietDays) days")))),
        ]
    }

    static func stateTag(_ state: State, _ lang: Lang) -> HNode {
        switch state {
        case .inForce: el("span", [.cls("tag ok")], text(lang("执行中", "In force")))
        case .scheduled: el("span", [.cls("tag warn")], text(lang("待生效", "Scheduled")))
        case .superseded: el("span", [.cls("tag muted")], text(lang("已被替代", "Superseded")))
        }
    }

    static func form(_ model: Model, _ lang: Lang, _ context: PageContext) -> [HNode] {
        let f = model.form
        func days(_ tier: Int) -> HNode {
            let names = ["Respond", "Assess", "Feedback"].map { "tier\(tier)\($0)" }
            let labels = [lang("首次响应", "Respond"), lang("评估", "Assess"), lang("反馈", "Feedback")]
            return el(
                "fieldset", [.cls(f.errors["tier\(tier)Days"] == nil ? "field" : "field has-error")],
                children: [el("legend", [], text(lang("第\(["一", "二", "三"][tier - 1])档时限（工作日）", "Tier \(tier) (working days)")))]
                    + [
                        el(
                            "div", [.cls("grid-auto")],
                            children: zip(names, labels).map { name, label in
                                Components.field(
                                    name, label, f, lang, type: "number", required: true,
                                    attrs: [Attr(name: "min", value: "1"), Attr(name: "max", value: "60")])
                            })
                    ] + Components.errorLine("tier\(tier)Days", f, lang))
        }
        return [
            el("h2", [], text(lang("新设置（自生效日期起）", "A new setting (from its date)"))),
            Components.postForm(
                .settings, context, cls: "form",
                Components.banner(f, lang) + [
                    voidEl("input", [.type("hidden"), .name("jurisdiction"), .value(model.jurisdiction)]),
                    el(
                        "div", [.cls("grid")],
                        Components.field(
                            "effectiveFrom", lang("生效日期", "Effective from"), f, lang, required: true,
                            hint: lang("今天或以后，如 2027-01-01", "Today or later, e.g. 2027-01-01")),
                        Components.field(
                            "majorThreshold", lang("重大项目标准（≥）", "Major from"), f, lang, required: true, hint: lang("如 1亿、5000万", "e.g. 1亿"))
                    ),
                    el(
                        "div", [.cls("grid")],
                        Components.field(
                            "tier1Minimum", lang("第一档起点（≥）", "Tier 1 from"), f, lang, required: true, hint: lang("如 1亿", "e.g. 1亿")),
                        Components.field(
                            "tier2Minimum", lang("第二档起点（≥）", "Tier 2 from"), f, lang, required: true,
                            hint: lang("如 1000万；以下为第三档", "e.g. 1000万"))),
                    Components.errorLine("clockTiers", f, lang).first ?? text(""),
                    days(1), days(2), days(3),
                    el(
                        "div", [.cls("grid")],
                        Components.field(
                            "signedNotStartedDays", lang("签约未开工预警（天）", "Signed, not started (days)"), f, lang, type: "number",
                            required: true),
                        Components.field("quietDays", lang("无动态预警（天）", "No activity (days)"), f, lang, type: "number", required: true)),
                    Components.field(
                        "note", lang("调整依据", "Authority"), f, lang, required: true,
                        hint: lang("如 县政府办〔2026〕12 号", "e.g. the document number")),
                    Components.submit(lang("保存设置", "Save")),
                ]),
        ]
    }

    /// The form filled with a rule (today's, for a new setting).
    static func values(_ s: JurisdictionSettings, from: CivilDate, jurisdiction: String) -> [String: String] {
        var values = [
            "jurisdiction": jurisdiction, "effectiveFrom": from.description,
            "majorThreshold": ChineseAmount.format(s.majorThreshold), "signedNotStartedDays": String(s.signedNotStartedDays),
            "quietDays": String(s.quietDays),
        ]
        for (index, tier) in s.clockTiers.enumerated() {
            let n = index + 1
            if index < 2 { values["tier\(n)Minimum"] = ChineseAmount.format(Money(minorUnits: tier.minimumMinorUnits)) }
            (values["tier\(n)Respond"], values["tier\(n)Assess"], values["tier\(n)Feedback"]) =
                (String(tier.respondDays), String(tier.assessDays), String(tier.feedbackDays))
        }
        return values
    }
}
