import Domain
import Foundation

/// The bureau's forms on the ranking page: the year's formula (folded until needed) and the
/// publication of the period.
enum RankingForms {
    static func values(_ formula: ScoreFormula, version: Int) -> [String: String] {
        var values: [String: String] = ["version": String(version), "cap": String(formula.capPermille / 10)]
        for m in ScoreFormula.Measure.allCases { values["w.\(m.rawValue)"] = String(formula.weights[m] ?? 0) }
        for d in ScoreFormula.Deduction.allCases { values["d.\(d.rawValue)"] = String(formula.deductions[d] ?? 0) }
        return values
    }

    /// The formula typed on the form; a figure that is not a whole number is named.
    static func formula(_ values: [String: String]) throws -> ScoreFormula {
        var errors: [String: AppError.Message] = [:]
        func whole(_ key: String, _ label: String) -> Int {
            let raw = (values[key] ?? "").trimmingCharacters(in: .whitespaces)
            guard !raw.isEmpty else { return 0 }
            guard let value = Int(raw), (0...1000).contains(value) else {
                errors[key] = .init(zh: "\(label)请填写 0 至 1000 的整数。", en: "A whole number.")
                return 0
            }
            return value
        }
        var weights: [ScoreFormula.Measure: Int] = [:]
        for m in ScoreFormula.Measure.allCases { weights[m] = whole("w.\(m.rawValue)", m.label) }
        var deductions: [ScoreFormula.Deduction: Int] = [:]
        for d in ScoreFormula.Deduction.allCases { deductions[d] = whole("d.\(d.rawValue)", RankingView.deductionLabel(d)) }
        let cap = whole("cap", "封顶")
        guard errors.isEmpty else { throw AppError.validation(errors) }
        return try RankingRecords.FormulaRecord(
            weights: Dictionary(uniqueKeysWithValues: weights.map { ($0.key.rawValue, $0.value) }),
            deductions: Dictionary(uniqueKeysWithValues: deductions.map { ($0.key.rawValue, $0.value) }), capPermille: Int64(cap) * 10
        ).formula()
    }

    static func manage(_ model: RankingView.Model, context: PageContext) -> [HNode] {
        let lang = context.lang
        let r = model.ranking
        let form = model.form
        let period = voidEl("input", [.type("hidden"), .name("period"), .value(r.period.description)])
        func number(_ name: String, _ label: String) -> HNode {
            Components.field(name, label, form, lang, attrs: [Attr(name: "inputmode", value: "numeric"), Attr(name: "size", value: "4")])
        }
        let formulaForm = el(
            "details", form.banner == nil ? [] : [.flag("open")],
            el("summary", [], text(lang("调整 \(r.period.year) 年考核公式（第 \(r.formulaVersion) 版）", "Edit the year's formula"))),
            Components.postForm(
                .rankingFormula, context,
                Components.banner(form, lang) + [period, voidEl("input", [.type("hidden"), .name("version"), .value(form["version"])])]
                    + Components.errorLine("weights", form, lang)
                    + ScoreFormula.Measure.allCases.map { number("w.\($0.rawValue)", "\($0.label)（权重）") }
                    + ScoreFormula.Deduction.allCases.map { number("d.\($0.rawValue)", "\(RankingView.deductionLabel($0))（每项扣分）") }
                    + [
                        number("cap", lang("单项完成率封顶（%）", "Cap (%)")),
                        el("p", [.cls("actions")], Components.submit(lang("保存公式", "Save the formula"))),
                    ]))
        let publish = Components.postForm(
            .rankings, context,
            [
                period, voidEl("input", [.type("hidden"), .name("version"), .value(String(r.formulaVersion))]),
                el(
                    "p", [.cls("muted")],
                    text(
                        lang(
                            "发布后，本期得分和名次按发布时保存，以后更正的数据体现在下一期的“较上期”中；本年度考核公式随之冻结；发布记入审计日志，附 SHA-256 摘要。",
                            "Once published the lines are kept; the year's formula is frozen."))),
                el("p", [.cls("actions")], Components.submit(lang("发布\(r.period.label)排名", "Publish"))),
            ])
        return [el("h2", [], text(lang("公式与发布", "Formula and publication"))), formulaForm, publish]
    }
}
