import Domain
import Foundation

/// A closed month's results, the links sheet printed at the draw, and the year's trends.
enum SatisfactionResultViews {
    static func score(_ permille: Int64?) -> String { permille.map { Percent.text($0) } ?? "样本不足，不予公布" }

    static func results(_ o: SatisfactionOutcome, context: PageContext) -> [HNode] {
        let lang = context.lang
        var content: [HNode] = [
            el("h2", [], text(lang("本月结果", "Results"))),
            el(
                "p", [.cls("muted")],
                text(
                    "\(o.answered) 家企业答卷。单位得分为其负责各指标的“满意”加“基本满意”的一半占全部有效评价的比例；评价该单位的企业少于 \(o.minimumAnswers) 家的“样本不足，不予公布”。得分相同的，“满意”多者在前；仍相同的，“不满意”少者在前；再相同的并列同一名次。名次靠后的单位（参评单位的三分之一、至少一个、至多三个；并列的一并列入）为满意度靠后的单位，通报批评。"
                )),
        ]
        if o.lowest.isEmpty {
            content.append(el("p", [], text("本月没有可列出的靠后单位（有效样本的单位得分全部并列，或不足两家）。")))
        } else {
            content.append(el("h3", [], text(lang("满意度靠后的单位（通报批评）", "Lowest units"))))
            content.append(
                el(
                    "ol", [.cls("lowest")],
                    children: o.lowest.map { el("li", [], text("\($0.name)：\(score($0.scorePermille))（第 \($0.place ?? 0) 名）")) }))
        }
        let unitRows = o.units.map { u -> [HNode] in
            [
                text(u.place.map(String.init) ?? "—"), el("span", [.cls(u.lowest ? "warn" : "")], text(u.name)),
                text(score(u.scorePermille)),
                text(u.satisfied.map(String.init) ?? "—"), text(u.basicallySatisfied.map(String.init) ?? "—"),
                text(u.dissatisfied.map(String.init) ?? "—"),
            ]
        }
        content.append(el("h3", [], text(lang("各单位", "Units"))))
        content.append(
            Components.table(
                [lang("名次", "Place"), lang("单位", "Unit"), lang("满意度", "Score"), "满意", "基本满意", "不满意"], unitRows,
                empty: lang("没有参评单位。", "No unit."), numeric: [0, 2, 3, 4, 5]))
        let indicatorRows = o.indicators.map { i -> [HNode] in
            [
                text("\(i.indicator.number). \(i.label)"), text(i.owner ?? "—"), text(i.units.joined(separator: "、")),
                text(score(i.scorePermille)),
            ]
        }
        content.append(el("h3", [], text(lang("各指标", "Indicators"))))
        content.append(
            Components.table(
                [lang("指标", "Indicator"), lang("指标长", "Owner"), lang("责任单位", "Units"), lang("满意度", "Score")], indicatorRows, empty: "",
                numeric: [3]))
        return content
    }

    /// The links, shown once: one slip per enterprise drawn, to print and send.
    static func invitations(
        _ s: SatisfactionSurveyRecord, _ invitations: [SatisfactionService.Invitation], base: String, context: PageContext
    ) -> String {
        let lang = context.lang
        let url = base + SiteURL.survey.path
        var content: [HNode] = [
            Components.notice("已抽取 \(invitations.count) 家企业并生成一次性链接。链接只显示这一次，系统只保存其摘要：请现在打印或逐一发送。"),
            el(
                "p", [.cls("actions no-print")],
                el("button", [.type("button"), .data("print", ""), .cls("button")], text(lang("打印", "Print")))),
        ]
        let slips = invitations.map { i -> HNode in
            el(
                "div", [.cls("slip")],
                el("p", [.cls("slip-head")], text("致 \(i.name)：诚邀贵企业参加\(s.title)。")),
                el("p", [.cls("slip-code")], text(i.code)),
                el("p", [.cls("slip-help")], text("打开 \(url)#\(i.code) ，或打开 \(url) 输入上面的测评码。测评不记名，系统不保存哪家企业如何评价；测评码只能使用一次。")))
        }
        content.append(el("div", [.cls("slips")], children: slips))
        return Layout.page(
            lang("测评邀请", "Invitations"), crumbs: SatisfactionViews.crumbs(s.monthKey, lang), context: context, content: content)
    }

    static func trends(_ t: SatisfactionTrend, years: [Int], context: PageContext) -> String {
        let lang = context.lang
        var content: [HNode] = [
            el(
                "p", [.cls("actions")],
                children: years.map { y in
                    el(
                        "a",
                        [
                            .href(SiteURL.satisfactionTrends.with(query: ["year": String(y)])),
                            .cls(y == t.year ? "button primary" : "button"),
                        ],
                        text("\(y)年"))
                }),
            el("p", [.cls("muted")], text("各月已结束测评的满意度；“—”为当月未开展、未结束或样本不足。")),
        ]
        let months = Array(1...12)
        func rows(_ list: [SatisfactionTrend.Row]) -> [[HNode]] {
            list.map { row in
                [text(row.name), Charts.sparkline(months.map { row.months[$0] })]
                    + months.map { text(row.months[$0].map { Percent.text($0) } ?? "—") }
            }
        }
        let head = [lang("", ""), lang("走势", "Trend")] + months.map { "\($0)月" }
        content.append(el("h2", [], text(lang("各单位", "Units"))))
        content.append(
            Components.table(
                [lang("单位", "Unit")] + head.dropFirst(), rows(t.units), empty: lang("本年还没有结束的月度测评。", "No closed month."),
                numeric: Set(2...13)))
        content.append(el("h2", [], text(lang("各指标", "Indicators"))))
        content.append(
            Components.table(
                [lang("指标", "Indicator")] + head.dropFirst(), rows(t.indicators), empty: lang("本年还没有结束的月度测评。", "No closed month."),
                numeric: Set(2...13)))
        return Layout.page(
            lang("满意度走势", "Trends"), crumbs: SatisfactionViews.crumbs("\(t.year)年走势", lang), context: context, content: content)
    }
}
