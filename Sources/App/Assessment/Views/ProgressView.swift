import Domain
import Foundation

/// 进度: each unit's verified results against its targets and 序时进度 (the share of the year
/// passed), with the same day last year; a unit's page lists the projects and funds entries that
/// make each figure, their sum being the figure.
enum ProgressView {
    typealias Measure = ScoreFormula.Measure

    struct UnitRow {
        var unit: AssessmentUnits.Row
        var lines: [ProgressLine]
    }

    struct Model {
        var year: Int
        var latestYear: Int
        var through: CivilDate
        var rows: [UnitRow]
        var missingRates: [String]
    }

    struct UnitModel {
        var unit: AssessmentUnits.Row
        var year: Int
        var latestYear: Int
        var through: CivilDate
        var lines: [ProgressLine]
        /// The lines shown of each figure, in date order.
        var items: [Measure: [CreditedResults.Item]]
        var titles: [String: String]
        /// How many lines each figure has in all.
        var counts: [Measure: Int] = [:]
        /// One figure's lines, a page at a time; nil for every figure's latest.
        var focus: Measure?
        var page = 1
        var hasMore = false

        /// Lines of each figure on the page of every figure: a city bureau's row had 5,604 lines
        /// (1.7 MB) on one page.
        static let latest = 100
        /// Lines of one figure a page.
        static let perPage = 500

        /// The lines a page shows: each figure's latest, or one figure's page in date order.
        static func shown(_ all: [Measure: [CreditedResults.Item]], focus: Measure?, page: Int) -> (
            items: [Measure: [CreditedResults.Item]], hasMore: Bool
        ) {
            func ordered(_ items: [CreditedResults.Item]) -> [CreditedResults.Item] {
                items.sorted { ($0.on, $0.project, $0.funds ?? "") < ($1.on, $1.project, $1.funds ?? "") }
            }
            guard let focus else { return (all.mapValues { Array(ordered($0).suffix(latest)) }, false) }
            let lines = ordered(all[focus] ?? [])
            let start = min((page - 1) * perPage, lines.count)
            let end = min(start + perPage, lines.count)
            return ([focus: Array(lines[start..<end])], end < lines.count)
        }
    }

    static func paceTag(_ line: ProgressLine, on date: CivilDate, _ lang: Lang) -> HNode? {
        guard let pace = line.pace(on: date) else { return nil }
        let (cls, zh, en) =
            switch pace {
            case .ahead: ("tag ontime", "超序时", "ahead")
            case .onPace: ("tag soon", "基本符合序时", "on pace")
            case .behind: ("tag late", "滞后序时", "behind")
            }
        return el("span", [.cls(cls)], text(lang(zh, en)))
    }

    /// One unit per money column, over the column's results and targets.
    static func columns(_ rows: [UnitRow]) -> [Measure: AmountColumn] {
        var columns: [Measure: AmountColumn] = [:]
        for (index, measure) in Measure.targeted.enumerated() {
            let values = rows.flatMap { row in [row.lines[index].done] + [row.lines[index].target].compactMap { $0 } }
            columns[measure] = TargetText.column(measure, values)
        }
        return columns
    }

    /// "17.09 / 20 · 85.4% 滞后序时" in the column's unit, or the figure alone without a target.
    static func cell(_ line: ProgressLine, on date: CivilDate, _ lang: Lang, column: AmountColumn? = nil) -> HNode {
        var children: [HNode] = [text(TargetText.cell(line.done, line.measure, column))]
        if let target = line.target, target > 0 {
            children.append(
                el(
                    "div", [.cls("muted small")],
                    text("/ " + TargetText.cell(target, line.measure, column) + " · " + Percent.text(line.permille))))
        }
        if let tag = paceTag(line, on: date, lang) { children.append(tag) }
        return el("div", [], children: children)
    }

    static func calendarLine(_ through: CivilDate, _ lang: Lang) -> HNode {
        let (days, of) = CalendarProgress.elapsed(on: through)
        return el(
            "p", [.cls("totals")],
            text(
                lang(
                    "截至 \(through)（第 \(days) 天，全年 \(of) 天），序时进度 \(Percent.text(CalendarProgress.permille(on: through)))。只计经招商局核验的签约、开工、投产和到位资金；低于序时进度 5 个百分点以内为基本符合。",
                    "Through \(through): \(Percent.text(CalendarProgress.permille(on: through))) of the year. Verified facts only.")))
    }

    static func render(_ model: Model, context: PageContext) -> String {
        page(model.year, content: content(model, context.lang), context: context)
    }

    /// The page around its content (the content may come from the cache, `frozen`).
    static func page(_ year: Int, content: [HNode], context: PageContext) -> String {
        let lang = context.lang
        return Layout.page(
            lang("\(year) 年目标任务进度", "Progress \(year)"), crumbs: [.init(title: lang("进度", "Progress"))], context: context,
            content: content)
    }

    /// What the page shows, the same for everyone who sees the same units in the same language.
    static func content(_ model: Model, _ lang: Lang) -> [HNode] {
        let columns = columns(model.rows)
        let headers =
            [lang("单位", "Unit")] + Measure.targeted.map { TargetText.header($0, columns[$0]) }
        let rows = model.rows.map { row -> [HNode] in
            [el("a", [.href(SiteURL.unitProgress(row.unit.id).with(query: ["year": String(model.year)]))], text(row.unit.name))]
                + row.lines.map { cell($0, on: model.through, lang, column: columns[$0.measure]) }
        }
        var content: [HNode] = [
            TargetsView.yearLinks(.progress, year: model.year, latest: model.latestYear, lang), calendarLine(model.through, lang),
        ]
        if !model.missingRates.isEmpty {
            content.append(
                el(
                    "div", [.cls("alert error")],
                    text(lang("以下月份缺少汇率，相应外币金额未计入：", "Missing rates: ") + model.missingRates.joined(separator: "、"))))
        }
        content.append(
            Components.table(headers, rows, empty: lang("没有可查看的单位。", "No units."), numeric: Set(1...Measure.targeted.count)))
        return content
    }

    static func unit(_ model: UnitModel, context: PageContext) -> String {
        let lang = context.lang
        let summary = model.lines.map { line -> [HNode] in
            [
                text(line.measure.label), text(TargetText.amount(line.done, line.measure)),
                text(line.target.map { TargetText.amount($0, line.measure) } ?? lang("未下达", "not set")),
                text(line.quarterTarget.map { TargetText.amount($0, line.measure) } ?? "—"), text(Percent.text(line.permille)),
                paceTag(line, on: model.through, lang) ?? text("—"), text(TargetText.amount(line.lastYear, line.measure)),
            ]
        }
        var content: [HNode] = [
            TargetsView.yearLinks(.unitProgress(model.unit.id), year: model.year, latest: model.latestYear, lang),
            calendarLine(model.through, lang),
            Components.table(
                [
                    lang("指标", "Measure"), lang("完成", "Done"), lang("全年目标", "Year's target"),
                    lang("至本季末目标", "Target to the quarter's end"), lang("完成率", "Reached"), lang("序时", "Pace"),
                    lang("去年同期", "Same day last year"),
                ], summary, empty: "", numeric: [1, 2, 3, 4, 6]),
        ]
        for line in model.lines where model.focus == nil || model.focus == line.measure {
            let items = model.items[line.measure] ?? []
            guard !items.isEmpty else {
                // one figure asked for that has no lines (or none this far on): said, with the way back
                if model.focus != nil {
                    content.append(el("p", [.cls("empty")], text(lang("此页没有明细。", "No lines on this page."))))
                    content.append(contentsOf: more(model, line.measure, shown: 0, of: model.counts[line.measure] ?? 0, lang))
                }
                continue
            }
            let count = model.counts[line.measure] ?? items.count
            // the drill-down's money in one unit a column, its total in the same
            let column = TargetText.column(line.measure, items.flatMap { [$0.whole, $0.credited] })
            let rows = items.map { item -> [HNode] in
                let title = model.titles[item.project] ?? item.project
                let project = UUID(uuidString: item.project).map { link(.project($0), title) } ?? text(title)
                return [
                    project, text(item.on.description), text(column == nil ? "—" : TargetText.cell(item.whole, line.measure, column)),
                    text(TargetText.cell(item.credited, line.measure, column)),
                ]
            }
            let unit = column?.unit ?? "个"
            content.append(el("h2", [], text("\(line.measure.label)：\(TargetText.amount(line.done, line.measure))")))
            content.append(
                Components.table(
                    [
                        lang("项目", "Project"), lang("日期", "Date"), lang("总额（\(unit)）", "Whole (\(unit))"),
                        lang("计入本单位（\(unit)）", "Credited (\(unit))"),
                    ],
                    rows, empty: "", numeric: [2, 3], dates: [1],
                    foot: [
                        text(lang("合计 \(count) 项", "\(count) items")), text(""), text(""),
                        text(TargetText.cell(line.done, line.measure, column)),
                    ]))
            content.append(contentsOf: more(model, line.measure, shown: items.count, of: count, lang))
        }
        return Layout.page(
            lang("\(model.unit.name) \(model.year) 年进度", "\(model.unit.name): progress \(model.year)"),
            crumbs: [.init(title: lang("进度", "Progress"), url: .progress), .init(title: model.unit.name)], context: context,
            content: content)
    }

    /// Below a figure's lines: how many of how many, and the way to the rest.
    private static func more(_ model: UnitModel, _ measure: Measure, shown: Int, of count: Int, _ lang: Lang) -> [HNode] {
        let query = ["year": String(model.year), "measure": measure.rawValue]
        guard model.focus != nil else {
            guard shown < count else { return [] }
            let all = SiteURL.unitProgress(model.unit.id).with(query: query)
            return [
                el(
                    "p", [.cls("muted")], text(lang("共 \(count) 项，此处列出最近 \(shown) 项。", "\(count) items; the latest \(shown) are listed. ")),
                    el("a", [.href(all)], text(lang("逐页查看全部", "See them all, a page at a time"))))
            ]
        }
        let back = SiteURL.unitProgress(model.unit.id).with(query: ["year": String(model.year)])
        return [
            Components.pager(.unitProgress(model.unit.id), query: query, page: model.page, hasMore: model.hasMore, lang),
            el("p", [], el("a", [.href(back)], text(lang("返回全部指标", "Back to every measure")))),
        ]
    }
}
