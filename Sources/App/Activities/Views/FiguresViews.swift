import Domain
import Foundation

/// The funnel table and the resident office's month, as a bureau reads them.
enum FiguresViews {
    struct FunnelRow: Sendable {
        var name: String
        var url: String?
        var funnel: Funnel
    }

    static func funnel(
        _ rows: [FunnelRow], total: Funnel, year: Int, title: String, years: [Int], unitID: UUID?, context: PageContext
    ) -> String {
        let lang = context.lang
        let steps = [
            lang("走访企业", "Visits"), lang("线索", "Leads"), lang("入库", "Accepted"), lang("签约", "Signed"), lang("投产", "Producing"),
        ]
        let numbers = { (f: Funnel) in [f.visits, f.leads, f.accepted, f.signed, f.producing] }
        let table = Components.table(
            [lang("单位/人员", "Unit / person")] + steps + [lang("走访→投产", "Visit → landing")],
            (rows + [FunnelRow(name: lang("合计", "Total"), url: nil, funnel: total)]).map { row in
                [row.url.map { el("a", [.href($0)], text(row.name)) } ?? el("strong", [], text(row.name))]
                    + numbers(row.funnel).map { text(String($0)) } + [text(Funnel.percentText(row.funnel.landingRate))]
            }, empty: "", numeric: Set(1...6))
        let rates = zip(steps.dropFirst(), total.stepRates).map { "\($0) \(Funnel.percentText($1))" }.joined(separator: "，")
        var query = ["year": ""]
        if let unitID { query["unit"] = unitID.uuidString }
        let yearLinks = years.map { y -> HNode in
            query["year"] = String(y)
            return el("a", [.href(SiteURL.funnel.with(query: query))] + (y == year ? [.cls("current")] : []), text(lang("\(y)年", "\(y)")))
        }
        var exportQuery = ["year": String(year)]
        if let unitID { exportQuery["unit"] = unitID.uuidString }
        let content: [HNode] = [
            el("nav", [.cls("pager")], children: yearLinks),
            el("div", [.cls("actions")], children: ListViews.exportLinks(.funnel, query: exportQuery, resource: .activity, context)),
            el(
                "p", [.cls("muted")],
                text(
                    lang(
                        "按当年提交的线索统计其后续进展；走访按企业计，同一企业多次走访计一次。投产以核验为准。",
                        "Leads submitted in the year and what became of them; an enterprise visited twice counts once; production as verified."
                    ))),
            Charts.bars(zip(steps, numbers(total)).map { ($0, $1) }, unit: ""),
            el(
                "p", [],
                text(
                    lang("逐级转化：", "Step by step: ") + rates + lang("；走访到投产 ", "; visit to landing ") + Funnel.percentText(total.landingRate)
                )),
            table,
        ]
        return Layout.page(
            title, crumbs: [.init(title: lang("招商漏斗", "Funnel"), url: .funnel), .init(title: title)], context: context, content: content)
    }

    static func residentMonth(_ month: ResidentMonth, office: String, monthText: String, context: PageContext, unitID: UUID) -> String {
        let lang = context.lang
        let content: [HNode] = [
            el(
                "form", [.get, .action(.residentMonth(unitID)), .cls("toolbar")],
                el("div", [], Components.field("month", lang("月份", "Month"), FormState(values: ["month": monthText]), lang, type: "month")),
                Components.submit(lang("查看", "Show"), cls: ""),
                el(
                    "span", [],
                    children: ListViews.exportLinks(.residentMonth(unitID), query: ["month": monthText], resource: .activity, context))),
            el("section", [.cls("panel")], el("p", [.cls("lead-sentence")], text(month.summary))),
            el(
                "div", [.cls("cards")],
                ReviewViews.card(String(month.enterprisesVisited), lang("走访企业（家）", "Enterprises visited")),
                ReviewViews.card(String(month.chambersVisited), lang("拜访商协会（个）", "Chambers visited")),
                ReviewViews.card(String(month.projectsIntroduced), lang("引进项目（个）", "Projects introduced")),
                ReviewViews.card(
                    ChineseAmount.format(month.contractAmount),
                    lang("合同投资额（已核验）", "Contract amount (verified)") + pending(month.pendingContract, lang)),
                ReviewViews.card(
                    ChineseAmount.format(month.fundsArrived),
                    lang("到位资金（已核验）", "Funds arrived (verified)") + pending(month.pendingFunds, lang))),
            el(
                "p", [.cls("muted")],
                text(
                    lang(
                        "由本工作队及所属小组的走访记录、其招商人名下项目的入库、签约和到位资金自动汇总；签约和到位资金只计投促局已核验的，待核验的列在旁边，不计入；外币按当月汇率折算。",
                        "Computed from the office's and its teams' activities and the projects they attracted; signings and funds count once verified (what waits is shown beside); foreign money at the month's rate."
                    ))),
        ]
        let title = office + lang(" · \(monthText) 月报", " · \(monthText)")
        return Layout.page(
            title, crumbs: [.init(title: lang("单位", "Units"), url: .units), .init(title: title)], context: context, content: content)
    }

    /// "，其中待核验 1.2亿元" beside a counted figure, or nothing when nothing waits.
    static func pending(_ amount: Money, _ lang: Lang) -> String {
        amount.minorUnits == 0 ? "" : lang("；另有待核验 \(ChineseAmount.format(amount))", "; pending \(ChineseAmount.format(amount))")
    }
}
