import Domain
import Foundation

/// 年终座次 (`/seats?year=`): the year's rules in words, the hall, and a line per unit — its seat
/// beside last year's, the figures that put it there, and what the seat brings. The bureau sets
/// the rules and publishes a year; a published year is read as it was published.
enum SeatingView {
    struct Model {
        var seating: SeatingService.Seating
        var lastYear: [UUID: YearEndSeat]
        var lastYearPublished: Bool
        var latestYear: Int
        var mayManage: Bool
        var rulesForm: FormState
        var publishError: AppError.Message?
    }

    static func rulesText(_ rules: YearEndSeat.Rules) -> String {
        let measure = rules.measure.label
        return "以\(measure)（经招商局核验）决定座次：完成\(measure)目标 \(Percent.text(rules.completionPermille)) 及以上为完成席；"
            + "有核验的签约或实绩、未完成目标为签约席；没有实绩、年末在谈项目不少于 \(rules.negotiatingForIntent) 个为意向席；其余为零效果席。"
    }

    static func consequenceText(_ c: YearEndSeat.Consequence, bonus: Money? = nil) -> String {
        var parts: [String] = []
        if !c.awardEligible { parts.append("不得参加年度评先评优") }
        if let each = c.bonusWithheldPerPerson, each.minorUnits > 0 {
            parts.append("扣发年终奖 \(ChineseAmount.format(each))/人" + (bonus.map { "，共 \(ChineseAmount.format($0))" } ?? ""))
        }
        if c.leadershipTalk { parts.append("主要负责人由县领导约谈") }
        return parts.isEmpty ? "—" : parts.joined(separator: "；")
    }

    static func status(_ model: Model, _ lang: Lang) -> HNode {
        let s = model.seating
        guard let p = s.publication else {
            return el(
                "p", [.cls("totals")],
                text(
                    s.hidden
                        ? lang("\(s.year) 年的年终座次尚未发布。", "The \(s.year) seating is not yet published.")
                        : lang(
                            "草案：按截至 \(s.through) 经核验的实绩排定，尚未发布；发布后按发布时的数据保存，不再重算。",
                            "Draft through \(s.through): not yet published.")))
        }
        return PublicationText.line(p, through: s.through.description, lang)
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let lang = context.lang
        let s = model.seating
        var content: [HNode] = [TargetsView.yearLinks(.seats, year: s.year, latest: model.latestYear, lang), status(model, lang)]
        if let error = model.publishError {
            content.append(el("div", [.cls("alert error"), Attr(name: "role", value: "alert")], text(error.text(lang))))
        }
        content.append(el("p", [], text(rulesText(s.rules))))
        let withConsequence = YearEndSeat.allCases.compactMap { seat in
            s.rules.consequences[seat].flatMap { $0.isNone ? nil : "\(seat.label)：\(consequenceText($0))" }
        }
        if !withConsequence.isEmpty { content.append(el("p", [.cls("muted")], text(withConsequence.joined(separator: "。") + "。"))) }
        if !s.hidden {
            content.append(
                el(
                    "p", [.cls("totals")],
                    text(
                        YearEndSeat.allCases.map { seat in "\(seat.label) \(s.lines.filter { $0.seat == seat }.count) 个" }.joined(
                            separator: " · "))))
            content.append(
                el(
                    "figure", [.cls("hall-figure")],
                    SeatingHall.draw(year: s.year, lines: s.lines, title: "\(s.year) 年度招商引资工作年终座次"),
                    el(
                        "figcaption", [],
                        el(
                            "a", [.href(SiteURL.seatsHall.with(query: ["year": String(s.year)]))],
                            text(lang("打开座次图（可打印）", "Open the hall picture (printable)"))))
                ))
            content.append(table(model, lang))
        }
        if model.mayManage, s.publication == nil {
            content += SeatingForms.manage(model, context: context)
        }
        return Layout.page(
            lang("\(s.year) 年年终座次", "Year-end seating \(s.year)"), crumbs: [.init(title: lang("年终座次", "Seating"))], context: context,
            content: content)
    }

    static func table(_ model: Model, _ lang: Lang) -> HNode {
        let s = model.seating
        let measure = s.rules.measure
        let column = TargetText.column(measure, s.lines.flatMap { [$0.results.done] + [$0.results.target].compactMap { $0 } })
        let unit = column?.unit ?? "个"
        let rows = s.lines.map { line -> [HNode] in
            let last = model.lastYear[line.unit.id]
            let seatCell = el(
                "div", [],
                children: (last.map { [el("span", [.cls("muted small")], text("\($0.label) → "))] } ?? [])
                    + [el("span", [.cls("tag \(SeatingHall.css(line.seat))")], text(line.seat.label))])
            return [
                el("a", [.href(SiteURL.unitProgress(line.unit.id).with(query: ["year": String(s.year)]))], text(line.unit.name)), seatCell,
                text(TargetText.cell(line.results.done, measure, column)),
                text(line.results.target.map { TargetText.cell($0, measure, column) } ?? lang("未下达", "not set")),
                text(Percent.text(line.results.target.flatMap { $0 > 0 ? Achievement.permille(line.results.done, of: $0) : nil })),
                text("\(line.results.verifiedSignings)"), text("\(line.results.negotiating)"), text("\(line.staff)"),
                text(consequenceText(line.consequence, bonus: line.bonusWithheld.minorUnits > 0 ? line.bonusWithheld : nil)),
            ]
        }
        let lastHeader = model.lastYearPublished ? "\(s.year - 1) 年 → \(s.year) 年座次" : "\(s.year) 年座次（\(s.year - 1) 年未发布）"
        return Components.table(
            [
                lang("单位", "Unit"), lang(lastHeader, "Seat"), lang("\(measure.label)（\(unit)）", "Result (\(unit))"),
                lang("目标（\(unit)）", "Target (\(unit))"), lang("完成率", "Reached"), lang("核验签约项目", "Signed"),
                lang("年末在谈项目", "In talks"), lang("人数", "Staff"), lang("后果", "Consequences"),
            ], rows, empty: lang("本辖区没有参加考核的单位。", "No assessed units."), numeric: [2, 3, 4, 5, 6, 7])
    }
}
