import Domain
import Foundation

/// 双百双评: the campaigns of the jurisdiction and one campaign with the bureau's next step.
enum EvaluationViews {
    typealias Register = EvaluationCampaign.Register

    static func list(_ campaigns: [EvaluationCampaignRecord], mayManage: Bool, form: FormState, context: PageContext) -> String {
        let lang = context.lang
        var content: [HNode] = [
            el(
                "p", [.cls("muted")],
                text(
                    "每年从企业家名册和群众代表名册中各随机抽取 100 人，凭一次性选票码匿名评议各系列部门；抽取方法公开、任何人可复算，投票与选票码之间不留任何可关联的记录。"),
                text(" "), el("a", [.href(SiteURL.evaluationAnonymity.path)], text(lang("匿名设计说明", "How anonymity is kept"))),
                text(" · "), el("a", [.href(SiteURL.ballot.path)], text(lang("投票页面", "Ballot page"))))
        ]
        content += Components.banner(form, lang)
        let rows = campaigns.map { c -> [HNode] in
            var row: [HNode] = [
                el("a", [.href(SiteURL.evaluation(c.id).path)], text(c.title)), text(c.state.label),
                text("\(c.drawnEntrepreneurs) + \(c.drawnRepresentatives)"),
                text(c.state >= .voting ? "\(c.ballots) / \(c.codesIssued)" : "—"),
            ]
            row.append(c.state == .closed ? el("a", [.href(SiteURL.evaluationResults(c.id).path)], text(lang("结果", "Results"))) : text(""))
            return row
        }
        content.append(
            Components.table(
                [lang("测评", "Campaign"), lang("状态", "State"), lang("抽取人数", "Drawn"), lang("已投票 / 发码", "Cast / codes"), ""], rows,
                empty: lang("尚未开启测评。", "No campaign yet."), numeric: [2, 3]))
        if mayManage {
            var form = form
            form.idPrefix = "o-"
            content.append(el("h2", [], text(lang("开启年度测评", "Open a year's campaign"))))
            content.append(
                Components.postForm(
                    .evaluations, context,
                    [
                        Components.field("year", lang("年度", "Year"), form, lang, type: "number", required: true),
                        Components.field(
                            "drawnEntrepreneurs", lang("抽取企业家人数", "Entrepreneurs drawn"), form, lang, type: "number", hint: "默认 100"),
                        Components.field(
                            "drawnRepresentatives", lang("抽取群众代表人数", "Representatives drawn"), form, lang, type: "number", hint: "默认 100"),
                        Components.field(
                            "minimumAnswers", lang("最少有效票数", "Fewest answers to publish"), form, lang, type: "number",
                            hint: "少于此数的单位“样本不足，不予公布”，默认 5"),
                        el(
                            "p", [.cls("muted")],
                            text("参评单位为辖区内设定了测评系列（执法部门、综合管理部门、窗口服务行业）的部门，开启时定下，此后调整单位不影响本次测评。")),
                        el("p", [.cls("actions")], Components.submit(lang("开启", "Open"))),
                    ]))
        }
        return Layout.page(
            lang("双百双评", "Dual-hundred evaluation"), crumbs: [.init(title: lang("双百双评", "Evaluation"))], context: context, content: content)
    }

    struct CampaignModel {
        var campaign: EvaluationCampaignRecord
        var units: [EvaluationUnitRecord]
        var sizes: [Register: Int]
        var mayManage: Bool
        var form: FormState
    }

    static func campaign(_ m: CampaignModel, context: PageContext) -> String {
        let lang = context.lang
        let c = m.campaign
        var content: [HNode] = [steps(c.state)]
        content += Components.banner(m.form, lang)
        var facts: [(String, HNode)] = [(lang("状态", "State"), text(c.state.label))]
        for series in EvaluationSeries.allCases {
            let n = m.units.filter { $0.series == series }.count
            if n > 0 { facts.append((series.label(lang), text("\(n) 个单位"))) }
        }
        for register in Register.allCases {
            var line: [HNode] = [text("名册 \(m.sizes[register] ?? 0) 人，抽取 \(c.count(register)) 人")]
            if let digest = c.digests[register.rawValue] {
                line += [
                    text("；摘要 SHA-256 "), el("code", [.cls("digest")], text(digest)), text(" "),
                    el(
                        "a", [.href(SiteURL.evaluationRegister(c.id).with(query: ["register": register.rawValue]))],
                        text(lang("下载公布的名册", "Published register"))),
                ]
            }
            facts.append(("\(register.label)名册", el("span", [], children: line)))
        }
        facts.append((lang("最少有效票数", "Fewest answers"), text("\(c.minimumAnswers) 票")))
        if let source = c.seedSource { facts.append((lang("种子来源（事先公布）", "Seed source"), text(source))) }
        if let values = c.seedValues {
            facts.append((lang("种子", "Seed"), text(values.map { $0.joined(separator: " ") }.joined(separator: " / "))))
        }
        if c.state >= .voting { facts.append((lang("已投票", "Ballots cast"), text("\(c.ballots) / \(c.codesIssued) 张选票码"))) }
        content.append(Components.definitionList(facts))
        var links: [HNode] = []
        if c.state >= .published {
            links.append(el("a", [.href(SiteURL.evaluationDraw(c.id).path), .cls("button")], text(lang("抽取核验单", "Draw sheet"))))
        }
        if c.state == .closed {
            links.append(el("a", [.href(SiteURL.evaluationResults(c.id).path), .cls("button")], text(lang("测评结果", "Results"))))
            links.append(el("a", [.href(SiteURL.evaluationDecisions(c.id).path), .cls("button")], text(lang("末位问责决定", "Decision list"))))
        }
        if !links.isEmpty { content.append(el("p", [.cls("actions")], children: links)) }
        if m.mayManage { content += action(m, context: context) }
        let rows = m.units.map { [text($0.name), text($0.series.label(lang))] }
        content.append(el("h2", [], text(lang("参评单位", "Units rated"))))
        content.append(Components.table([lang("单位", "Unit"), lang("系列", "Series")], rows, empty: lang("没有参评单位。", "No unit.")))
        return Layout.page(
            c.title, crumbs: [.init(title: lang("双百双评", "Evaluation"), url: .evaluations), .init(title: "\(c.year)")], context: context,
            content: content)
    }

    /// 双百双评 › the year › `page`: where a campaign's own pages sit.
    static func crumbs(_ c: EvaluationCampaignRecord, _ page: String, _ lang: Lang) -> [Layout.Crumb] {
        [
            .init(title: lang("双百双评", "Evaluation"), url: .evaluations), .init(title: "\(c.year)", url: .evaluation(c.id)),
            .init(title: page),
        ]
    }

    static func steps(_ state: EvaluationCampaign.State) -> HNode {
        let names = ["准备名册", "公布摘要与种子来源", "取得种子并抽取", "发放选票码、投票", "结束、公布结果"]
        let index = EvaluationCampaign.State.allCases.firstIndex(of: state) ?? 0
        return el(
            "ol", [.cls("steps")],
            children: names.enumerated().map { i, name in
                el("li", [.cls(i < index ? "done" : i == index ? "current" : "")], text(name))
            })
    }

    /// The bureau's next step on the campaign.
    static func action(_ m: CampaignModel, context: PageContext) -> [HNode] {
        let lang = context.lang
        let c = m.campaign
        var form = m.form
        form.idPrefix = "a-"
        let version = voidEl("input", [.type("hidden"), .name("version"), .value(String(c.version))])
        switch c.state {
        case .open:
            return [
                el("h2", [], text("公布名册摘要与种子来源")),
                el(
                    "p", [.cls("muted")],
                    text("先通过“导入”上传两份名册（类型选“双百双评名册”：年度、名册、姓名、单位、身份）。公布后名册冻结，摘要和种子来源须在取得种子之前公开（如在门户网站、公告栏公示）。"),
                    text(" "), el("a", [.href(SiteURL.imports.path)], text(lang("去导入名册", "Import registers")))),
                Components.postForm(
                    .evaluationPublish(c.id), context,
                    [
                        version,
                        Components.textArea(
                            "seedSource", lang("种子来源", "Seed source"), form, lang,
                            hint: "写明将来取得种子的公开来源，例如：2026年12月1日中国福利彩票双色球第2026138期开奖号码，红球为第一来源、蓝球为第二来源。"),
                        el("p", [.cls("actions")], Components.submit(lang("公布", "Publish"))),
                    ]),
            ]
        case .published:
            return [
                el("h2", [], text("录入种子并抽取")),
                Components.postForm(
                    .evaluationDraw(c.id), context,
                    [
                        version,
                        Components.textArea(
                            "seed", lang("种子（每个来源一行）", "Seed, one source a line"), form, lang,
                            hint: "按公布的来源录入，如第一行“03 09 17 22 26 31”，第二行“14”。抽取只进行一次，结果可由任何人复算。"),
                        el("p", [.cls("actions")], Components.submit(lang("抽取", "Draw"))),
                    ]),
            ]
        case .drawn:
            return [
                el("h2", [], text("生成选票码")),
                el(
                    "p", [.cls("muted")],
                    text(
                        "为每位抽中的人生成一张一次性选票码，打印成可裁切的纸条，随机装封发放。系统只保存选票码的摘要，选票码只在此显示一次，不记录谁领了哪一张；请当场打印。")),
                Components.postForm(
                    .evaluationCodes(c.id), context,
                    [version, el("p", [.cls("actions")], Components.submit(lang("生成并打印选票码", "Issue codes")))]),
            ]
        case .voting:
            return [
                el("h2", [], text("结束测评")),
                el("p", [.cls("muted")], text("结束后未使用的选票码作废，计票结果取摘要记入审计日志并公布。")),
                Components.postForm(
                    .evaluationClose(c.id), context, [version, el("p", [.cls("actions")], Components.submit(lang("结束测评", "Close")))]),
            ]
        case .closed: return []
        }
    }
}
