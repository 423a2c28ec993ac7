import Domain
import Foundation

/// 考核排名 (`/rankings?period=`): the formula in words and the tie rule, then each kind of unit
/// ranked among its own, every score explained line by line, and the change since the last
/// published period; the bureau's formula and publication below.
enum RankingView {
    typealias Measure = ScoreFormula.Measure

    struct Model {
        var ranking: RankingService.Ranking
        var previous: RankingService.Ranking?
        var offered: [RankingPeriod]
        var latestYear: Int
        var mayManage: Bool
        var form: FormState
        var publishError: AppError.Message?
    }

    static func deductionLabel(_ d: ScoreFormula.Deduction) -> String {
        switch d {
        case .notStartedOnTime: "签约半年未开工项目"
        case .falseData: "报送不实被更正"
        case .lateWorkOrder: "工单超时答复"
        }
    }

    static func points(_ centipoints: Int64) -> String {
        let sign = centipoints < 0 ? "-" : ""
        let value = abs(centipoints)
        return sign + "\(value / 100)." + (value % 100 < 10 ? "0" : "") + "\(value % 100)"
    }

    static func formulaText(_ f: ScoreFormula) -> String {
        let weights = Measure.allCases.compactMap { m in f.weights[m].flatMap { $0 > 0 ? "\(m.label) \($0)" : nil } }.joined(separator: "、")
        let deductions = ScoreFormula.Deduction.allCases.compactMap { d in
            f.deductions[d].flatMap { $0 > 0 ? "\(deductionLabel(d))每项扣 \($0) 分" : nil }
        }.joined(separator: "，")
        return
            "权重（合计 100）：\(weights)。各项按完成目标的比例得分，封顶 \(Percent.text(f.capPermille))；未下达目标的指标不得分；满意度先看企业满意度月评（当年已结束各月的答卷合计）；未参评或样本不足的单位，按工单办结的满意率得分。"
            + (deductions.isEmpty ? "" : "扣分：\(deductions)。")
    }

    static func explain(_ score: ScoreFormula.Score, _ formula: ScoreFormula) -> HNode {
        let items = score.lines.map { line -> HNode in
            if let m = line.measure {
                let reached = line.achievedPermille.map { "完成 \(Percent.text($0))" } ?? (m == .satisfaction ? "无满意度数据" : "未下达目标")
                return el("li", [], text("\(m.label)：\(reached) × 权重 \(formula.weights[m] ?? 0) = \(points(line.centipoints)) 分"))
            }
            let d = line.deduction.map(deductionLabel) ?? ""
            return el("li", [], text("\(d) \(line.count ?? 0) 项：\(points(line.centipoints)) 分"))
        }
        return el("details", [], el("summary", [], text("明细")), el("ul", [.cls("small")], children: items))
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let lang = context.lang
        let r = model.ranking
        var links: [HNode] = model.offered.map { p in
            el(
                "a", [.href(SiteURL.rankings.with(query: ["period": p.description])), .cls(p == r.period ? "button primary" : "button")],
                text(p.month.map { "\($0) 月" } ?? "年终"))
        }
        links.insert(
            el(
                "a", [.href(SiteURL.rankings.with(query: ["period": String(r.period.year - 1)])), .cls("button")],
                text("\(r.period.year - 1) 年")),
            at: 0)
        if r.period.year < model.latestYear {
            links.append(
                el(
                    "a", [.href(SiteURL.rankings.with(query: ["period": String(r.period.year + 1)])), .cls("button")],
                    text("\(r.period.year + 1) 年")))
        }
        var content: [HNode] = [el("p", [.cls("actions")], children: links), status(r, lang)]
        if let error = model.publishError {
            content.append(el("div", [.cls("alert error"), Attr(name: "role", value: "alert")], text(error.text(lang))))
        }
        content.append(el("p", [], text(formulaText(r.formula))))
        content.append(el("p", [.cls("muted")], text(Domain.Ranking.tieRule)))
        if !r.hidden {
            let before = Dictionary((model.previous?.lines ?? []).map { ($0.unit.id, $0) }, uniquingKeysWith: { a, _ in a })
            for kind in UnitKind.allCases {
                let lines = r.lines.filter { $0.unit.kind == kind }
                guard !lines.isEmpty else { continue }
                content.append(el("h2", [], text(kind.label(lang) + "（\(lines.count) 个）")))
                let rows = lines.map { line -> [HNode] in
                    let deducted = line.score.deductedCentipoints
                    let change =
                        before[line.unit.id].map { last -> String in
                            let delta = line.score.centipoints - last.score.centipoints
                            let places = last.place - line.place
                            return (delta >= 0 ? "+" : "") + points(delta) + " 分，"
                                + (places == 0 ? "名次不变" : places > 0 ? "上升 \(places) 名" : "下降 \(-places) 名")
                        } ?? "—"
                    return [
                        text("\(line.place)"),
                        el(
                            "a", [.href(SiteURL.unitProgress(line.unit.id).with(query: ["year": String(r.period.year)]))],
                            text(line.unit.name)),
                        text(points(line.score.centipoints)), text(points(line.score.resultsCentipoints)), text(points(deducted)),
                        text(change),
                        explain(line.score, r.formula),
                    ]
                }
                content.append(
                    Components.table(
                        [
                            lang("名次", "Place"), lang("单位", "Unit"), lang("得分", "Score"), lang("实绩得分", "Results"), lang("扣分", "Deducted"),
                            lang("较上期", "Since last"), lang("明细", "Lines"),
                        ], rows, empty: "", numeric: [0, 2, 3, 4]))
            }
        }
        if model.mayManage, r.publication == nil { content += RankingForms.manage(model, context: context) }
        return Layout.page(
            lang("\(r.period.label)考核排名", "Ranking \(r.period)"), crumbs: [.init(title: lang("考核排名", "Rankings"))], context: context,
            content: content)
    }

    static func status(_ r: RankingService.Ranking, _ lang: Lang) -> HNode {
        guard let p = r.publication else {
            return el(
                "p", [.cls("totals")],
                text(
                    r.hidden
                        ? lang("\(r.period.label)排名尚未发布。", "Not yet published.")
                        : lang("草案：按截至 \(r.through) 经核验的实绩计算，尚未发布；发布后按发布时保存，不再重算。", "Draft through \(r.through).")))
        }
        return PublicationText.line(p, through: r.through.description, lang)
    }
}
