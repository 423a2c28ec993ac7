import Domain
import Foundation

/// 干部实绩: the cadres of each unit in their places (the rule written above the table), what is
/// credited to each, and one cadre's page with the projects behind their figures and their
/// records in the 提拔后备库.
enum CadresView {
    typealias Measure = ScoreFormula.Measure

    struct Model {
        var year: Int
        var latestYear: Int
        var through: CivilDate
        var rows: [CadreFigures.Row]
        /// Who is in the pool now (for those who read it).
        var inPool: Set<UUID>?
    }

    struct PersonModel {
        var cadre: CadreFigures.Cadre
        var year: Int
        var latestYear: Int
        var through: CivilDate
        var line: CadreLine?
        var figures: [Measure: CreditedResults.Figure]
        var titles: [String: String]
        var pool: [ReservePoolService.Record]?
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let lang = context.lang
        let column = TargetText.column(.contractInvestment, model.rows.map(\.line.contract))
        let unit = column?.unit ?? "万元"
        let rows = model.rows.map { row -> [HNode] in
            var name: [HNode] = [
                el("a", [.href(SiteURL.cadre(row.person.id).with(query: ["year": String(model.year)]))], text(row.person.name))
            ]
            if model.inPool?.contains(row.person.id) == true { name.append(el("span", [.cls("tag ontime")], text(lang("后备库", "pool")))) }
            return [
                text(row.person.unit.name), text("\(row.place)"), el("div", [], children: name), text(row.person.post),
                text(TargetText.cell(row.line.contract, .contractInvestment, column)), text("\(row.line.signings)"),
                text("\(row.line.visits)"), text("\(row.line.leads)（\(row.line.leadsAccepted)）"), text("\(row.line.workOrders)"),
            ]
        }
        let content: [HNode] = [
            TargetsView.yearLinks(.cadres, year: model.year, latest: model.latestYear, lang),
            el(
                "p", [.cls("totals")],
                text(
                    lang(
                        "截至 \(model.through)，只计经招商局核验的签约，按项目分成计入本人（各人之和等于项目）。单位内排名：\(CadreLine.rankRule)",
                        "Through \(model.through); verified signings credited by each project's split."))),
            Components.table(
                [
                    lang("单位", "Unit"), lang("名次", "Place"), lang("姓名", "Name"), lang("职务", "Post"),
                    lang("计入合同投资额（\(unit)）", "Contract credited (\(unit))"), lang("核验签约项目", "Signed"), lang("走访", "Visits"),
                    lang("线索（入库）", "Leads (accepted)"), lang("提出工单", "Work orders"),
                ], rows, empty: lang("没有可查看的干部。", "No cadres."), numeric: [1, 4, 5, 6, 8]),
        ]
        return Layout.page(
            lang("\(model.year) 年干部实绩", "Cadres' results \(model.year)"), crumbs: [.init(title: lang("干部实绩", "Cadres"))],
            context: context, content: content)
    }

    static func person(_ model: PersonModel, context: PageContext) -> String {
        let lang = context.lang
        var pairs: [(String, HNode)] = [
            (lang("单位", "Unit"), text(model.cadre.unit.name)), (lang("职务", "Post"), text(model.cadre.post)),
        ]
        if let line = model.line {
            pairs += [
                (lang("走访", "Visits"), text("\(line.visits) 次")),
                (lang("线索（入库）", "Leads (accepted)"), text("\(line.leads) 条（入库 \(line.leadsAccepted) 条）")),
                (lang("提出工单", "Work orders raised"), text("\(line.workOrders) 件")),
            ]
        }
        var content: [HNode] = [
            TargetsView.yearLinks(.cadre(model.cadre.id), year: model.year, latest: model.latestYear, lang),
            Components.definitionList(pairs),
        ]
        let summary = Measure.targeted.map { measure -> [HNode] in
            [text(measure.label), text(TargetText.amount(model.figures[measure]?.done ?? 0, measure))]
        }
        content.append(
            Components.table([lang("指标（计入本人）", "Measure (credited)"), lang("完成", "Done")], summary, empty: "", numeric: [1]))
        for measure in Measure.targeted {
            guard let figure = model.figures[measure], !figure.items.isEmpty else { continue }
            let column = TargetText.column(measure, figure.items.flatMap { [$0.whole, $0.credited] })
            let unit = column?.unit ?? "个"
            let rows = figure.items.sorted { ($0.on, $0.project) < ($1.on, $1.project) }.map { item -> [HNode] in
                let title = model.titles[item.project] ?? item.project
                return [
                    UUID(uuidString: item.project).map { link(.project($0), title) } ?? text(title), text(item.on.description),
                    text(column == nil ? "—" : TargetText.cell(item.whole, measure, column)),
                    text(TargetText.cell(item.credited, measure, column)),
                ]
            }
            content.append(el("h2", [], text("\(measure.label)：\(TargetText.amount(figure.done, measure))")))
            content.append(
                Components.table(
                    [
                        lang("项目", "Project"), lang("日期", "Date"), lang("总额（\(unit)）", "Whole (\(unit))"),
                        lang("计入本人（\(unit)）", "Credited (\(unit))"),
                    ],
                    rows, empty: "", numeric: [2, 3], dates: [1],
                    foot: [
                        text(lang("合计 \(figure.items.count) 项", "\(figure.items.count) items")), text(""), text(""),
                        text(TargetText.cell(figure.done, measure, column)),
                    ]))
        }
        if let pool = model.pool {
            content.append(el("h2", [], text(lang("提拔后备库记录", "Reserve pool records"))))
            content.append(ReservePoolView.history(pool, lang, withPerson: false))
        }
        return Layout.page(
            lang("\(model.cadre.name) \(model.year) 年实绩", "\(model.cadre.name): \(model.year)"),
            crumbs: [.init(title: lang("干部实绩", "Cadres"), url: .cadres), .init(title: model.cadre.name)], context: context,
            content: content)
    }
}
