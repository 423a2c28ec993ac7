import Domain
import Foundation

/// A closed campaign's results per series, the year's decision list for last places (A4), and
/// the inspector's page on how no ballot can be tied to anyone.
enum EvaluationResultsView {
    static func percent(_ permille: Int64?) -> String {
        guard let p = permille else { return "—" }
        return "\(p / 10).\(p % 10)%"
    }

    static func results(
        _ c: EvaluationCampaignRecord, _ o: EvaluationOutcome, comments: [UUID: [String]], reserve: [HNode] = [], context: PageContext
    ) -> String {
        let lang = context.lang
        var content: [HNode] = [
            el(
                "p", [.cls("totals")],
                text("收回选票 \(o.ballots) 张（发出选票码 \(o.codesIssued) 张）。得分 = (满意票 + 基本满意票 × 0.5) ÷ 有效票；“不了解”不计入。"),
                text(" "),
                o.intact
                    ? el("span", [.cls("tag ontime")], text("计票摘要核对一致"))
                    : el("span", [.cls("tag late")], text("计票摘要不一致：结束后计票被改动过"))),
            el(
                "p", [.cls("muted")],
                text(
                    "每个系列前三名授予流动红旗、其主要负责人评为优秀（进入提拔后备库）；末位通报批评、不得评先评优。\(EvaluationResults.tieRule)有效票少于 \(o.minimumAnswers) 票的单位“样本不足，不予公布”；若只有一个单位不予公布，系列合计也不公布，以免相减得出。"
                )),
        ]
        for s in o.series {
            content.append(el("h2", [], text(s.series.label(lang))))
            let rows = s.lines.map { line -> [HNode] in
                guard let n = line.counts else {
                    return [
                        text("—"), text(line.name), el("span", [.cls("muted")], text("样本不足，不予公布")), text(""), text(""), text(""), text(""),
                    ]
                }
                var mark: [HNode] = []
                if line.praised { mark.append(el("span", [.cls("tag ontime")], text("流动红旗"))) }
                if line.criticised {
                    mark.append(el("span", [.cls("tag late")], text("末位" + (line.stepLabel.map { "：\($0)" } ?? ""))))
                }
                return [
                    text(line.place.map(String.init) ?? ""), text(line.name), text(percent(n.scorePermille)), text(String(n.satisfied)),
                    text(String(n.basicallySatisfied)), text(String(n.dissatisfied)), el("span", [], children: mark),
                ]
            }
            let foot: [HNode]? = s.total.map { t in
                [
                    text(""), text("系列合计"), text(percent(t.scorePermille)), text(String(t.satisfied)), text(String(t.basicallySatisfied)),
                    text(String(t.dissatisfied)), text(""),
                ]
            }
            content.append(
                Components.table(
                    [lang("名次", "Place"), lang("单位", "Unit"), lang("得分", "Score"), "满意", "基本满意", "不满意", ""], rows, empty: "—",
                    numeric: [0, 2, 3, 4, 5], foot: foot))
        }
        let names = Dictionary(o.series.flatMap(\.lines).map { ($0.unitID, $0.name) }) { a, _ in a }
        let said = comments.filter { !$0.value.isEmpty }.sorted { (names[$0.key] ?? "") < (names[$1.key] ?? "") }
        if !said.isEmpty {
            content.append(el("h2", [], text("意见建议（按单位，按文字排序，不显示提交先后）")))
            for (unit, bodies) in said {
                content.append(el("h3", [], text(names[unit] ?? "")))
                content.append(el("ul", [], children: bodies.map { el("li", [], text($0)) }))
            }
        }
        content += reserve
        content.append(
            el(
                "p", [.cls("actions")], el("a", [.href(SiteURL.evaluationDecisions(c.id).path), .cls("button")], text("末位问责决定（A4）")),
                el("a", [.href(SiteURL.evaluation(c.id).path), .cls("button")], text(lang("返回测评", "Back")))))
        return Layout.page(
            "\(c.title)测评结果",
            crumbs: EvaluationViews.crumbs(c, "结果", lang), context: context, content: content)
    }

    /// The year's decisions on last places [003], as an A4 page.
    static func decisions(_ c: EvaluationCampaignRecord, _ o: EvaluationOutcome, context: PageContext) -> String {
        let lang = context.lang
        let rows = o.decisions.map { d -> [HNode] in
            [
                text(d.series.label(lang)), text(d.line.name), text(percent(d.line.counts?.scorePermille)),
                text(d.line.step.map { $0 == 1 ? "本年度末位" : "连续 \($0) 年末位" } ?? ""), text(d.line.stepLabel ?? ""),
            ]
        }
        let content: [HNode] = [
            el("p", [.cls("actions no-print")], el("button", [.type("button"), .cls("primary"), .data("print", "")], text("打印（A4）"))),
            el(
                "div", [.cls("paper decision")],
                el("h2", [.cls("doc-title")], text("\(c.year)年度“双百双评”末位单位问责决定")),
                el(
                    "p", [],
                    text("依据“双百双评”办法：各系列末位单位通报批评，不得评先评优；首次末位的，向县委作出书面检查；连续两年末位的，在电视上作公开检查；连续三年末位的，单位主要负责人引咎辞职。问责层级由历年测评结果自动计算。")),
                Components.table(
                    [lang("系列", "Series"), lang("单位", "Unit"), lang("得分", "Score"), lang("末位情况", "Record"), lang("处理", "Decision")], rows,
                    empty: "本年度没有末位单位（各系列单位不足两个，或结果不予公布）。", numeric: [2])),
        ]
        return Layout.page(
            "\(c.year)年度末位问责决定",
            crumbs: EvaluationViews.crumbs(c, "末位问责决定", lang), context: context, content: content)
    }

    static let design: [(String, String)] = [
        ("选票码不指向任何人", "选票码随机生成、打乱顺序打印，装封发放；系统不记录谁领了哪一张。数据库只存选票码的 SHA-256 摘要（与测评绑定），无法据此还原出选票码。"),
        ("投票后选票码即删除", "投票时选票码的记录被删除，数据库里只剩尚未使用的选票码；已投票的选票码不留下“已使用”标记，更没有投票时间。"),
        ("不保存单张选票", "同一时刻投出的选票合并在一个事务中写入：以一条语句给本次测评的每个单位的计数加上这一批选票的合计，不产生任何属于某张选票的行；数据库中只有各单位的合计。"),
        ("意见没有时间、没有顺序", "意见建议以随机编号保存，不记日期；SQLite 上存于无 rowid 的表，按随机编号排列；测评结束时全部意见以新的随机顺序重新写入。页面和接口按文字排序显示。"),
        ("暂存只有持码人能打开", "当天暂存的选票用选票码派生的密钥加密（AES-GCM）保存，服务器不保存选票码，管理员无法读取；投票或次日即作废。"),
        ("日志与审计不记投票", "投票页面不写访问日志、不记 IP；选票码放在表单里提交（链接中的选票码在“#”之后，浏览器不会发给服务器）；投票不写审计记录，错误的选票码以 422 拒绝，不进入拒绝审计。开启、公布、抽取、发码、结束各步写入审计日志。"),
        ("小样本不公布", "有效票少于设定票数（默认 5）的单位不公布结果；若只有一个单位不公布，系列合计也不公布，避免相减得出。"),
        (
            "企业满意度月评同样如此",
            "月评的一次性链接同样只存摘要、答卷时删除，答卷只计入各指标各单位的合计，不留任何属于某份答卷的行。邀请函上写有企业名称，但系统不保存企业与测评码的对应关系；结束前不显示任何单位的得分；评价某单位的企业少于设定数的不公布，且从不公布单个指标单个单位的得分。"
        ),
        ("仍须注意", "能在投票进行中反复复制数据库的人，可以比较两次复制之间的变化（如同站在票箱旁边）；测评期间请勿向任何人提供数据库副本。PostgreSQL 的旧行版本由自动清理（VACUUM）回收；结束后重新写入意见即可切断写入顺序。"),
    ]

    static func anonymity(context: PageContext) -> String {
        let lang = context.lang
        var content: [HNode] = [
            el("p", [.cls("muted")], text("本页供纪检监察和审计人员查验。自动化测试用两张选票码以两种对应关系投同样的两张票，所存的计数、意见和剩余选票码完全相同，任何表（含审计日志）中都找不到已用选票码或其摘要。"))
        ]
        for (title, body) in design {
            content.append(el("h2", [], text(title)))
            content.append(el("p", [], text(body)))
        }
        return Layout.page(
            lang("匿名设计说明", "How anonymity is kept"),
            crumbs: [.init(title: lang("双百双评", "Evaluation"), url: .evaluations), .init(title: lang("匿名设计说明", "Anonymity"))],
            context: context, content: content)
    }
}
