import Domain
import Foundation

/// 目标任务: every unit's targets of a year in one table (money in 万元/亿元 the way a bureau
/// writes it, counts in 个), and the bureau's sheet of one unit: a row per measure, the year and
/// its four quarters, the version read so a stale save is refused.
enum TargetsView {
    typealias Measure = ScoreFormula.Measure

    struct ListModel {
        var year: Int
        var latestYear: Int
        var units: [(unit: AssessmentUnits.Row, stored: TargetService.Stored?)]
        var mayManage: Bool
    }

    struct FormModel {
        var unit: AssessmentUnits.Row
        var year: Int
        var form: FormState
        /// The unit's people a target may be split among.
        var cadres: [CadreFigures.Cadre] = []
    }

    /// The year before and after, up to the latest the page takes (results stop at this year).
    static func yearLinks(_ url: SiteURL, year: Int, latest: Int, _ lang: Lang) -> HNode {
        el(
            "p", [.cls("actions")],
            children: [year - 1, year, year + 1].filter { $0 <= latest }.map { y in
                el(
                    "a", [.href(url.with(query: ["year": String(y)])), .cls(y == year ? "button primary" : "button")],
                    text(lang("\(y) 年", "\(y)")))
            })
    }

    static func list(_ model: ListModel, context: PageContext) -> String {
        let lang = context.lang
        // one unit per money column, stated in its header
        let columns = Measure.targeted.map { measure in
            TargetText.column(measure, model.units.compactMap { $0.stored?.sheet.year[measure] })
        }
        let headers =
            [lang("单位", "Unit")] + zip(Measure.targeted, columns).map { TargetText.header($0, $1) } + [lang("版本", "Version")]
        let rows = model.units.map { unit, stored -> [HNode] in
            var cells: [HNode] = [
                model.mayManage
                    ? el("a", [.href(SiteURL.unitTargets(unit.id).with(query: ["year": String(model.year)]))], text(unit.name))
                    : text(unit.name)
            ]
            cells += zip(Measure.targeted, columns).map { measure, column in
                text(stored?.sheet.year[measure].map { TargetText.cell($0, measure, column) } ?? "—")
            }
            cells.append(text(stored.map { lang("第 \($0.version) 版", "v\($0.version)") } ?? lang("未下达", "not set")))
            return cells
        }
        let content: [HNode] = [
            yearLinks(.targets, year: model.year, latest: model.latestYear, lang),
            el(
                "p", [.cls("muted small")],
                text(
                    lang(
                        "合同投资额、到位内资以人民币计，实际利用外资以美元计；签约亿元以上项目按签约当月汇率折算人民币后与重大项目标准比较。\(model.mayManage ? "点击单位名称下达或调整目标。" : "")",
                        "Money in CNY, foreign funds in USD."))),
            Components.table(
                headers, rows, empty: lang("本辖区没有需下达目标的单位。", "No units."), numeric: Set(1...Measure.targeted.count)),
        ]
        return Layout.page(
            lang("\(model.year) 年目标任务", "Targets \(model.year)"), crumbs: [.init(title: lang("目标任务", "Targets"))], context: context,
            content: content)
    }

    /// The form's values for a stored sheet: the year figures and quarters in the form's units.
    static func values(_ stored: TargetService.Stored) -> [String: String] {
        var values: [String: String] = ["version": String(stored.version), "note": stored.note]
        for measure in Measure.targeted {
            values[measure.rawValue] = TargetText.input(stored.sheet.year[measure], measure)
            for (index, part) in (stored.sheet.quarters[measure] ?? []).enumerated() {
                values["\(measure.rawValue).q\(index + 1)"] = TargetText.input(part, measure)
            }
            for (person, figures) in stored.sheet.cadres {
                values["cadre.\(person).\(measure.rawValue)"] = TargetText.input(figures[measure], measure)
            }
        }
        return values
    }

    static func form(_ model: FormModel, context: PageContext) -> String {
        let lang = context.lang
        let form = model.form
        let quarterNames = ["一季度", "二季度", "三季度", "四季度"]
        let rows = Measure.targeted.map { measure -> [HNode] in
            func input(_ name: String, _ label: String) -> HNode {
                var attrs: [Attr] = [
                    .type("text"), .name(name), .value(form[name]), Attr(name: "inputmode", value: "decimal"),
                    Attr(name: "aria-label", value: "\(measure.label) \(label)"), Attr(name: "size", value: "8"),
                ]
                if form.errors[measure.rawValue] != nil { attrs.append(Attr(name: "aria-invalid", value: "true")) }
                return voidEl("input", attrs)
            }
            let title: [HNode] =
                [text(TargetText.header(measure, TargetText.inputColumn(measure)))] + Components.errorLine(measure.rawValue, form, lang)
            return [el("div", [], children: title), input(measure.rawValue, lang("全年", "Year"))]
                + (1...4).map { input("\(measure.rawValue).q\($0)", quarterNames[$0 - 1]) }
        }
        let content: [HNode] =
            Components.banner(form, lang) + [
                el(
                    "p", [.cls("muted")],
                    text(
                        lang(
                            "金额以万元（外资以万美元）填写，最多两位小数，也可写明“2.5亿”；个数填整数。季度分解可不填，填写的四个季度合计不得超过全年目标。",
                            "Money in 万元 (foreign in 万美元); quarters optional and at most the year."))),
                Components.postForm(
                    .unitTargets(model.unit.id), context,
                    [
                        voidEl("input", [.type("hidden"), .name("year"), .value(String(model.year))]),
                        voidEl("input", [.type("hidden"), .name("version"), .value(form["version"])]),
                        Components.table(
                            [lang("指标", "Measure"), lang("全年", "Year")] + quarterNames, rows, empty: "", numeric: Set(1...5)),
                        Components.field(
                            "note", lang("下达依据（如文件号）", "On what authority"), form, lang, hint: lang("不超过 200 字", "At most 200 characters")),
                        cadreSplit(model, lang),
                        Components.errorLine("cadres", form, lang).first ?? text(""),
                        el("p", [.cls("actions")], Components.submit(lang("保存目标", "Save targets")), link(.targets, lang("返回", "Back"))),
                    ]),
            ]
        return Layout.page(
            lang("\(model.unit.name) \(model.year) 年目标任务", "\(model.unit.name): targets \(model.year)"),
            crumbs: [.init(title: lang("目标任务", "Targets"), url: .targets), .init(title: model.unit.name)], context: context,
            content: content)
    }

    /// The measures the form splits among cadres (the API splits any): the money and the signings
    /// a bureau asks of each person.
    static let splitMeasures: [Measure] = [.contractInvestment, .fundsDomestic, .fundsForeign, .projectsSigned]

    /// 分解到干部: a row per cadre of the unit, a column per measure (money in the form's unit);
    /// together they may not ask more than the unit's year. Folded until needed.
    static func cadreSplit(_ model: FormModel, _ lang: Lang) -> HNode {
        let form = model.form
        let rows = model.cadres.map { cadre -> [HNode] in
            [el("div", [], text(cadre.name), el("div", [.cls("muted small")], text(cadre.post)))]
                + splitMeasures.map { measure in
                    let name = "cadre.\(cadre.id).\(measure.rawValue)"
                    return voidEl(
                        "input",
                        [
                            .type("text"), .name(name), .value(form[name]), Attr(name: "inputmode", value: "decimal"),
                            Attr(name: "size", value: "6"), .aria("label", "\(cadre.name) \(measure.label)"),
                        ])
                }
        }
        let split = model.cadres.contains { cadre in splitMeasures.contains { !form["cadre.\(cadre.id).\($0.rawValue)"].isEmpty } }
        // a split the API set on other measures is carried through the form, never dropped by a save
        let shown = Set(model.cadres.flatMap { cadre in splitMeasures.map { "cadre.\(cadre.id).\($0.rawValue)" } })
        let kept = form.values.filter { $0.key.hasPrefix("cadre.") && !shown.contains($0.key) && !$0.value.isEmpty }
            .sorted { $0.key < $1.key }.map { voidEl("input", [.type("hidden"), .name($0.key), .value($0.value)]) }
        guard !model.cadres.isEmpty || !kept.isEmpty else { return text("") }
        return el(
            "details", split || form.errors["cadres"] != nil ? [.flag("open")] : [],
            children: [el("summary", [], text(lang("分解到干部（可选）", "Split among the cadres (optional)")))] + kept + [
                el(
                    "p", [.cls("muted small")],
                    text(lang("各干部之和不得超过单位全年目标；未填写的不分解。", "Together at most the unit's year."))),
                Components.table(
                    [lang("干部", "Cadre")] + splitMeasures.map { TargetText.header($0, TargetText.inputColumn($0)) }, rows, empty: "",
                    numeric: Set(1...splitMeasures.count)),
            ])
    }
}
