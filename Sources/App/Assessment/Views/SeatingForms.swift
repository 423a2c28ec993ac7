import Domain
import Foundation

/// The bureau's forms on the seating page: the year's rules (folded until needed) and the
/// publication, which names what it freezes.
enum SeatingForms {
    /// The form's values for rules: the share in percent, each seat's bonus in yuan a person.
    static func values(_ rules: YearEndSeat.Rules, version: Int) -> [String: String] {
        var values: [String: String] = [
            "version": String(version), "measure": rules.measure.rawValue,
            "completion": Percent.text(rules.completionPermille).replacingOccurrences(of: ".0%", with: "").replacingOccurrences(
                of: "%", with: ""),
            "negotiating": String(rules.negotiatingForIntent),
        ]
        for seat in YearEndSeat.allCases {
            let c = rules.consequences[seat] ?? YearEndSeat.Consequence()
            values["\(seat.rawValue).noAward"] = c.awardEligible ? "" : "on"
            values["\(seat.rawValue).talk"] = c.leadershipTalk ? "on" : ""
            values["\(seat.rawValue).bonus"] = c.bonusWithheldPerPerson.map { String($0.minorUnits / 100) } ?? ""
        }
        return values
    }

    /// The rules typed on the form; a figure that is not one is named.
    static func rules(_ values: [String: String]) throws -> YearEndSeat.Rules {
        var errors: [String: AppError.Message] = [:]
        let measure = ScoreFormula.Measure(rawValue: values["measure"] ?? "")
        if measure == nil { errors["measure"] = .init(zh: "请选择决定座次的指标。", en: "Choose the deciding measure.") }
        let completion = Decimal(string: (values["completion"] ?? "").trimmingCharacters(in: .whitespaces))
            .flatMap { value -> Int64? in
                let permille = NSDecimalNumber(decimal: value * 10).int64Value
                return Decimal(permille) == value * 10 ? permille : nil
            }
        if completion == nil { errors["completion"] = .init(zh: "完成席门槛请填写百分数，如 100。", en: "A percentage, e.g. 100.") }
        let negotiating = Int((values["negotiating"] ?? "").trimmingCharacters(in: .whitespaces))
        if negotiating == nil { errors["negotiating"] = .init(zh: "意向席所需在谈项目数请填写整数。", en: "A whole number.") }
        var consequences: [YearEndSeat: YearEndSeat.Consequence] = [:]
        for seat in YearEndSeat.allCases {
            let raw = (values["\(seat.rawValue).bonus"] ?? "").trimmingCharacters(in: .whitespaces)
            var bonus: Money?
            if !raw.isEmpty {
                if let yuan = Int64(raw) {
                    bonus = yuan == 0 ? nil : Money(minorUnits: yuan.multipliedReportingOverflow(by: 100).overflow ? -1 : yuan * 100)
                } else {
                    errors["\(seat.rawValue).bonus"] = .init(zh: "\(seat.label)扣发年终奖请填写整数元。", en: "Whole yuan.")
                }
            }
            let c = YearEndSeat.Consequence(
                awardEligible: values["\(seat.rawValue).noAward"] != "on", bonusWithheldPerPerson: bonus,
                leadershipTalk: values["\(seat.rawValue).talk"] == "on")
            if !c.isNone { consequences[seat] = c }
        }
        guard errors.isEmpty, let measure, let completion, let negotiating else { throw AppError.validation(errors) }
        return YearEndSeat.Rules(
            measure: measure, completionPermille: completion, negotiatingForIntent: negotiating, consequences: consequences)
    }

    static func manage(_ model: SeatingView.Model, context: PageContext) -> [HNode] {
        let lang = context.lang
        let s = model.seating
        let form = model.rulesForm
        let year = voidEl("input", [.type("hidden"), .name("year"), .value(String(s.year))])
        let rows = YearEndSeat.allCases.map { seat -> [HNode] in
            func box(_ name: String, _ label: String) -> HNode {
                var attrs: [Attr] = [
                    .type("checkbox"), .name("\(seat.rawValue).\(name)"), .value("on"), .aria("label", "\(seat.label) \(label)"),
                ]
                if form["\(seat.rawValue).\(name)"] == "on" { attrs.append(.flag("checked")) }
                return voidEl("input", attrs)
            }
            return [
                text(seat.label), box("noAward", "不得评优"),
                el(
                    "div", [],
                    children: [
                        voidEl(
                            "input",
                            [
                                .type("text"), .name("\(seat.rawValue).bonus"), .value(form["\(seat.rawValue).bonus"]),
                                Attr(name: "inputmode", value: "numeric"), Attr(name: "size", value: "7"),
                                .aria("label", "\(seat.label) 扣发年终奖（元/人）"),
                            ])
                    ] + Components.errorLine("\(seat.rawValue).bonus", form, lang)),
                box("talk", "约谈"),
            ]
        }
        let measures = ScoreFormula.Measure.targeted.map { (value: $0.rawValue, label: $0.label) }
        let rulesForm = el(
            "details", form.banner == nil ? [] : [.flag("open")],
            el("summary", [], text(lang("调整本年度座次规则（第 \(s.rulesVersion) 版）", "Edit the year's rules"))),
            Components.postForm(
                .seatsRules, context,
                Components.banner(form, lang) + [
                    year, voidEl("input", [.type("hidden"), .name("version"), .value(form["version"])]),
                    Components.select("measure", lang("决定座次的指标", "Deciding measure"), measures, form, lang, required: true),
                    Components.field(
                        "completion", lang("完成席门槛（% 目标）", "完成席 at (% of target)"), form, lang, required: true,
                        attrs: [Attr(name: "inputmode", value: "decimal")]),
                    Components.field(
                        "negotiating", lang("意向席：年末在谈项目至少（个）", "意向席: projects in talks at least"), form, lang, required: true,
                        attrs: [Attr(name: "inputmode", value: "numeric")]),
                    Components.table(
                        [
                            lang("座次", "Seat"), lang("不得评优", "No awards"), lang("扣发年终奖（元/人）", "Bonus withheld (yuan each)"),
                            lang("约谈", "Talk"),
                        ],
                        rows, empty: ""),
                    el("p", [.cls("actions")], Components.submit(lang("保存规则", "Save the rules"))),
                ]))
        var publish: [HNode] = [year, voidEl("input", [.type("hidden"), .name("version"), .value(String(s.rulesVersion))])]
        publish.append(
            el(
                "p", [.cls("muted")],
                text(
                    lang(
                        "发布后，各单位座次、实绩和后果按发布时保存，以后更正的数据不改变已发布的座次；发布记入审计日志，附全部座次的 SHA-256 摘要。",
                        "Once published the lines are kept as they are; the digest goes to the audit log."))))
        publish.append(el("p", [.cls("actions")], Components.submit(lang("发布 \(s.year) 年年终座次", "Publish the \(s.year) seating"))))
        return [el("h2", [], text(lang("规则与发布", "Rules and publication"))), rulesForm, Components.postForm(.seats, context, publish)]
    }
}
