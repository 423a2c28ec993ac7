import Domain
import Foundation

/// The pipeline board: one column per stage with its count and latest cards, the funnel of the
/// main line, and the projects that need attention.
enum BoardView {
    struct Model {
        var filter: ProjectBoard.Filter
        /// By verified stage: what the board counts.
        var counts: [ProjectStage: Int]
        /// Reported into a stage and not yet verified there.
        var pending: [ProjectStage: Int] = [:]
        var columns: [(ProjectStage, [ProjectBoard.Card])]
        var attention: [ProjectBoard.Card]
        var hosts: [(value: String, label: String)]
        var today: CivilDate
        /// The jurisdictions' own rules: a card's stall limits are those of its jurisdiction.
        var settings = SettingsSchedule([])
        /// Whether the viewer reads every project of the jurisdiction (else the scope is theirs only).
        var readsAll = true
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let lang = context.lang
        var content: [HNode] = [
            filters(model, lang),
            el(
                "p", [.cls("actions")],
                el(
                    "a", [.href(SiteURL.projectLedger.with(query: model.ledgerQuery(nil))), .cls("button")],
                    text(lang("项目台账（表格、筛选与合计）", "Project ledger (table, filters, totals)"))),
                el("a", [.href(SiteURL.fundsLedger.path), .cls("button")], text(lang("到位资金台账", "Funds ledger")))),
        ]
        let line = ProjectStage.line.map { stage in
            // a project counts at every stage it has passed: 投产 projects were also signed
            let reached = ProjectStage.line.drop { $0 != stage }.reduce(0) { $0 + (model.counts[$1] ?? 0) }
            return (stage.label(lang), reached)
        }
        content.append(el("h2", [], text(lang("漏斗（已到达各阶段的项目数）", "Funnel (projects that reached each stage)"))))
        content.append(Charts.bars(line, unit: lang("个", "")))
        if !model.attention.isEmpty {
            content.append(el("h2", [], text(lang("需要关注", "Needs attention"))))
            content.append(
                Components.table(
                    [lang("项目", "Project"), lang("阶段", "Stage"), lang("承接单位", "Host"), lang("原因", "Why")],
                    model.attention.map { card in
                        [
                            link(.project(card.id), card.title), text(stageLabel(card.stage, lang)), text(card.hostName),
                            text(why(card, model.today, rule: model.stallRule(card), lang)),
                        ]
                    }, empty: ""))
        }
        content.append(el("h2", [], text(lang("看板", "Board"))))
        content.append(
            el(
                "div", [.cls("board")],
                children: model.columns.map { stage, cards in
                    let count = model.counts[stage] ?? 0
                    var children: [HNode] = [el("h3", [], text("\(stage.label(lang)) · \(count)"))]
                    if let waiting = model.pending[stage], waiting > 0 {
                        children.append(
                            el("p", [.cls("muted small")], text(lang("另有待核验 \(waiting) 个", "\(waiting) awaiting verification"))))
                    }
                    children += cards.map { card(for: $0, lang) }
                    if count > cards.count {
                        // the rest are in the ledger, filtered to this stage and scope
                        let href = SiteURL.projectLedger.with(query: model.ledgerQuery(stage))
                        children.append(
                            el(
                                "p", [.cls("small")],
                                el("a", [.href(href)], text(lang("另有 \(count - cards.count) 个 →", "\(count - cards.count) more →")))))
                    }
                    if cards.isEmpty { children.append(el("p", [.cls("muted small")], text(lang("无", "None")))) }
                    return el("section", [.cls("column")], children: children)
                }))
        return Layout.page(
            lang("项目看板", "Pipeline board"), crumbs: [.init(title: lang("项目看板", "Pipeline board"))], context: context, content: content)
    }

    static func stageLabel(_ raw: String, _ lang: Lang) -> String { ProjectStage(rawValue: raw)?.label(lang) ?? raw }

    static func why(_ card: ProjectBoard.Card, _ today: CivilDate, rule: StallRule, _ lang: Lang) -> String {
        var reasons: [String] = []
        if card.hostStatus == ProjectRules.HostStatus.declined.rawValue { reasons.append(lang("承接单位不承接", "host declined")) }
        if card.isMajor, card.leaderID == nil { reasons.append(lang("重大项目未明确包保领导", "major project without a leader")) }
        // the stall rule reads the verified stage and signing, as every figure does
        let verified = ProjectStage(rawValue: card.verifiedStage) ?? .negotiating
        let alerts = rule.alerts(
            stage: verified,
            stageSince: CivilDate(verified == .signed ? card.verifiedSignedOn ?? card.stageSince : card.stageSince) ?? today,
            lastActivity: CivilDate(card.lastActivityOn) ?? today, today: today)
        for alert in alerts {
            switch alert {
            case .signedNotStarted(let days):
                // started as reported, not yet verified: the bureau's verification is what is missing
                let waiting =
                    card.stage != card.verifiedStage
                    ? lang("（已报送\(stageLabel(card.stage, lang))，待核验）", " (reported \(card.stage), unverified)") : ""
                reasons.append(lang("签约 \(days) 天未开工", "signed \(days) d, not started") + waiting)
            case .quiet(let days): reasons.append(lang("\(days) 天无进展", "quiet \(days) d"))
            }
        }
        return reasons.joined(separator: "；")
    }

    static func card(for card: ProjectBoard.Card, _ lang: Lang) -> HNode {
        var tags: [HNode] = []
        if card.isMajor { tags.append(el("span", [.cls("tag")], text(lang("重大", "Major")))) }
        if card.verifiedStage != card.stage {
            tags.append(
                el(
                    "span", [.cls("tag late")],
                    text(lang("报送\(stageLabel(card.stage, lang))·待核验", "reported \(stageLabel(card.stage, lang)), unverified"))))
        }
        return el(
            "article", [.cls("kcard")], link(.project(card.id), card.title),
            el("div", [.cls("muted small")], text("\(card.hostName) · \(card.amountText)")),
            el("div", [.cls("small")], children: tags + [text(lang("自 ", "since ") + card.stageSince)]))
    }

    static func filters(_ model: Model, _ lang: Lang) -> HNode {
        let form = FormState(values: model.filter.query)
        return el(
            "form", [.get, .action(.projects), .cls("toolbar")],
            el(
                "div", [.cls("grow")],
                Components.select("host", lang("承接单位", "Host unit"), model.hosts, form, lang, blank: lang("全部", "All"))),
            el(
                "label", [.cls("check")],
                voidEl("input", [.type("checkbox"), .name("major"), .value("1")] + (model.filter.majorOnly ? [.flag("checked")] : [])),
                text(lang("仅重大项目", "Major only"))),
            model.readsAll
                ? el("div", [], ListViews.scopeChoice(form, lang))
                : el("span", [.cls("muted small")], text(lang("范围：我和本单位负责的项目", "Scope: mine and my unit's"))),
            Components.submit(lang("筛选", "Filter"), cls: ""))
    }
}

extension BoardView.Model {
    /// The ledger with the board's filter, at one verified stage or all.
    func ledgerQuery(_ stage: ProjectStage?) -> [String: String] {
        ProjectLedger.Filter(hostUnit: filter.hostUnit, stage: stage, majorOnly: filter.majorOnly, mine: filter.mine).query
    }

    func stallRule(_ card: ProjectBoard.Card) -> StallRule {
        guard let code = try? JurisdictionCode(card.jurisdictionCode) else { return StallRule() }
        return StallRule(settings.inEffect(for: code, on: today).settings)
    }
}
