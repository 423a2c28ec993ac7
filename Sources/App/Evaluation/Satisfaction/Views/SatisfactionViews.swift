import Domain
import Foundation

/// 企业满意度月评: the months of the jurisdiction, the indicators with their 指标长 and units, and
/// one month with the bureau's next step (or, closed, its results: `SatisfactionResultViews`).
enum SatisfactionViews {
    static func crumbs(_ page: String? = nil, _ lang: Lang) -> [Layout.Crumb] {
        [.init(title: lang("满意度月评", "Monthly satisfaction"), url: page == nil ? nil : .satisfaction)]
            + (page.map { [.init(title: $0)] } ?? [])
    }

    static func list(_ surveys: [SatisfactionSurveyRecord], mayManage: Bool, form: FormState, context: PageContext) -> String {
        let lang = context.lang
        var content: [HNode] = [
            el(
                "p", [.cls("muted")],
                text("每月从辖区规上企业中公开随机抽取企业，凭一次性链接匿名评价负责 18 项营商环境指标的单位；考核先看企业满意度，满意度靠后的单位通报批评。"),
                text(" "), el("a", [.href(SiteURL.satisfactionIndicators.path)], text(lang("指标与指标长", "Indicators"))),
                text(" · "), el("a", [.href(SiteURL.satisfactionTrends.path)], text(lang("月度走势", "Trends"))),
                text(" · "), el("a", [.href(SiteURL.survey.path)], text(lang("企业答卷页面", "Answer page"))))
        ]
        content += Components.banner(form, lang)
        let rows = surveys.map { s -> [HNode] in
            [
                el("a", [.href(SiteURL.satisfactionSurvey(s.id).path)], text(s.title)), text(s.state.label),
                text("\(s.sampleSize) / \(s.frameSize)"),
                text(s.state >= .answering ? "\(s.answered) / \(s.linksIssued)" : "—"),
            ]
        }
        content.append(
            Components.table(
                [lang("测评", "Survey"), lang("状态", "State"), lang("抽取 / 规上企业", "Drawn / frame"), lang("已答 / 链接", "Answered / links")],
                rows, empty: lang("尚未开展月度测评。", "No survey yet."), numeric: [2, 3]))
        if mayManage {
            var form = form
            form.idPrefix = "o-"
            content.append(el("h2", [], text(lang("开启月度测评", "Open a month"))))
            content.append(
                Components.postForm(
                    .satisfaction, context,
                    [
                        el(
                            "div", [.cls("row")], Components.field("year", lang("年", "Year"), form, lang, type: "number", required: true),
                            Components.field("month", lang("月", "Month"), form, lang, type: "number", required: true)),
                        Components.field("sampleSize", lang("抽取企业数", "Enterprises drawn"), form, lang, type: "number", hint: "默认 30"),
                        Components.field(
                            "minimumAnswers", lang("最少答卷数", "Fewest answers to publish"), form, lang, type: "number",
                            hint: "评价某单位的企业少于此数的，“样本不足，不予公布”，默认 5"),
                        Components.textArea(
                            "seedSource", lang("种子来源（开启即公布）", "Seed source"), form, lang,
                            hint: "例如：本月 25 日中国福利彩票双色球当期开奖号码。开启时抽样框（辖区全部规上企业，按统一社会信用代码排列）的摘要与种子来源一并公布。"),
                        el("p", [.cls("actions")], Components.submit(lang("开启并公布", "Open and publish"))),
                    ]))
        }
        return Layout.page(lang("企业满意度月评", "Monthly satisfaction"), crumbs: crumbs(nil, lang), context: context, content: content)
    }

    static func indicators(
        _ settings: [IndicatorSetting], leaders: [(value: String, label: String)], units: [(value: String, label: String)], mayManage: Bool,
        form: FormState, context: PageContext
    ) -> String {
        let lang = context.lang
        var content: [HNode] = [
            el("p", [.cls("muted")], text("18 项营商环境指标各由一位县领导担任“指标长”，由责任单位具体负责；月度测评按开启时的设定评价各责任单位，之后调整不影响已开启的月份。"))
        ]
        content += Components.banner(form, lang)
        let rows = settings.map { s -> [HNode] in
            [text("\(s.indicator.number)"), text(s.label), text(s.owner?.name ?? "未设定"), text(s.units.map(\.name).joined(separator: "、"))]
        }
        content.append(
            Components.table(
                [lang("序号", "No."), lang("指标", "Indicator"), lang("指标长", "Owner"), lang("责任单位", "Units")], rows,
                empty: "", numeric: [0]))
        if mayManage {
            content.append(el("h2", [], text(lang("设定指标长与责任单位", "Set an indicator"))))
            for s in settings {
                let refused = form["indicator"] == s.indicator.rawValue
                var f = refused ? form : FormState(values: ["owner": s.owner?.id.uuidString ?? ""])
                f.banner = nil
                f.idPrefix = s.indicator.rawValue + "-"
                let checked = Set(s.units.map(\.id.uuidString))
                content.append(
                    el(
                        "details", refused ? [.flag("open")] : [],
                        el("summary", [], text("\(s.indicator.number). \(s.label)")),
                        Components.postForm(
                            .satisfactionIndicators, context,
                            [
                                voidEl("input", [.type("hidden"), .name("indicator"), .value(s.indicator.rawValue)]),
                                voidEl("input", [.type("hidden"), .name("version"), .value(String(s.version))]),
                                Components.select("owner", lang("指标长", "Owner"), leaders, f, lang, blank: "（未设定）"),
                                Components.checkboxes("units", lang("责任单位（1 至 5 个）", "Units (1–5)"), units, checked: checked, f, lang),
                                el("p", [.cls("actions")], Components.submit(lang("保存", "Save"))),
                            ])))
            }
        }
        return Layout.page(
            lang("指标与指标长", "Indicators"), crumbs: crumbs(lang("指标与指标长", "Indicators"), lang), context: context, content: content)
    }

    static func steps(_ state: SatisfactionSurvey.State) -> HNode {
        let names = ["公布抽样框与种子来源", "取得种子、抽取并发送链接", "企业答卷", "结束、公布结果"]
        let index = [SatisfactionSurvey.State.published: 0, .answering: 2, .closed: 3][state] ?? 0
        return el(
            "ol", [.cls("steps")],
            children: names.enumerated().map { i, name in el("li", [.cls(i < index ? "done" : i == index ? "current" : "")], text(name)) })
    }

    static func survey(
        _ s: SatisfactionSurveyRecord, outcome: SatisfactionOutcome?, drawnNames: [String], mayManage: Bool, form: FormState,
        context: PageContext
    ) -> String {
        let lang = context.lang
        var content: [HNode] = [steps(s.state)]
        content += Components.banner(form, lang)
        var facts: [(String, HNode)] = [
            (lang("状态", "State"), text(s.state.label)),
            (
                lang("抽样框", "Frame"),
                el(
                    "span", [], text("规上企业 \(s.frameSize) 家，抽取 \(s.sampleSize) 家；摘要 SHA-256 "),
                    el("code", [.cls("digest")], text(s.frameDigest)),
                    text(" "), el("a", [.href(SiteURL.satisfactionFrame(s.id).path)], text(lang("下载公布的抽样框", "Published frame"))))
            ),
            (lang("种子来源（事先公布）", "Seed source"), text(s.seedSource)),
            (lang("最少答卷数", "Fewest answers"), text("\(s.minimumAnswers) 份")),
        ]
        if let values = s.seedValues {
            facts.append((lang("种子", "Seed"), text(values.map { $0.joined(separator: " ") }.joined(separator: " / "))))
            let seed = values.map { $0.joined(separator: " ") }.joined(separator: " / ")
            facts.append(
                (
                    lang("复算", "Re-run"),
                    el(
                        "code", [.cls("digest")],
                        text(
                            "zhaoshang draw-verify --register 抽样框.txt --digest \(s.frameDigest) --count \(s.sampleSize) --seed \"\(seed)\"")
                    )
                ))
        }
        if s.state >= .answering { facts.append((lang("已答卷", "Answered"), text("\(s.answered) / \(s.linksIssued) 家"))) }
        content.append(Components.definitionList(facts))
        if !drawnNames.isEmpty {
            content.append(
                el(
                    "details", [], el("summary", [], text(lang("抽中的企业（按抽取顺序）", "Enterprises drawn"))),
                    el("ol", [.cls("small")], children: drawnNames.map { el("li", [], text($0)) })))
        }
        if mayManage { content += action(s, form: form, context: context) }
        if let outcome { content += SatisfactionResultViews.results(outcome, context: context) }
        return Layout.page(s.title, crumbs: crumbs(s.monthKey, lang), context: context, content: content)
    }

    static func action(_ s: SatisfactionSurveyRecord, form: FormState, context: PageContext) -> [HNode] {
        let lang = context.lang
        var form = form
        form.idPrefix = "a-"
        let version = voidEl("input", [.type("hidden"), .name("version"), .value(String(s.version))])
        switch s.state {
        case .published:
            return [
                el("h2", [], text("录入种子、抽取并生成链接")),
                Components.postForm(
                    .satisfactionDraw(s.id), context,
                    [
                        version,
                        Components.textArea(
                            "seed", lang("种子（每个来源一行）", "Seed, one source a line"), form, lang,
                            hint: "按公布的来源录入。抽取后为每家抽中的企业生成一次性链接，只显示这一次，请当场打印或发送。"),
                        el("p", [.cls("actions")], Components.submit(lang("抽取并生成链接", "Draw and make links"))),
                    ]),
            ]
        case .answering:
            return [
                el("h2", [], text("结束本月测评")),
                el("p", [.cls("muted")], text("结束后未使用的链接作废，结果取摘要记入审计日志并公布；结束前不显示任何单位的得分。")),
                Components.postForm(
                    .satisfactionClose(s.id), context, [version, el("p", [.cls("actions")], Components.submit(lang("结束测评", "Close")))]),
            ]
        case .closed: return []
        }
    }
}
