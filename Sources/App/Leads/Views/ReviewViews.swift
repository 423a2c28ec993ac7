import Domain
import Foundation

enum ReviewViews {
    /// A panel as the panels page lists it.
    struct PanelRow: Sendable {
        var name: String
        var quorum: Int
        var members: [UUID]
        var chairID: UUID?
        var criteria: [ReviewCriterion]
    }

    static func panels(_ panels: [PanelRow], reviewers: [PersonRow], names: [UUID: String], form: FormState, context: PageContext)
        -> String
    {
        let lang = context.lang
        let rows = panels.map { panel -> [HNode] in
            [
                text(panel.name), text(String(panel.quorum)),
                text(
                    panel.members.compactMap { id in names[id].map { id == panel.chairID ? $0 + "（组长）" : $0 } }.joined(separator: "、")),
                text(panel.criteria.map { $0.label(lang) }.joined(separator: "、")),
            ]
        }
        let criteria = ReviewCriterion.allCases.map { (value: $0.rawValue, label: $0.label(lang)) }
        let checkedCriteria = Set(form["criteria"].split(separator: ",").map(String.init))
        let members = reviewers.map { (value: $0.id.uuidString, label: "\($0.name)（\($0.unitName)）") }
        let checkedMembers = Set(form["members"].split(separator: ",").map(String.init))
        let content: [HNode] = [
            el(
                "p", [.cls("muted")],
                text(
                    lang(
                        "预审专班由园区、要素部门、研究机构和企业专家组成；投促局把线索提交专班，成员独立发表意见，达到法定人数后研判。",
                        "Panels of park, department, institute and enterprise experts give independent opinions on leads."))),
            Components.table(
                [lang("专班", "Panel"), lang("法定人数", "Quorum"), lang("成员", "Members"), lang("评分指标", "Criteria")], rows,
                empty: lang("尚未设立预审专班。", "No panels yet.")),
            el("h2", [], text(lang("设立预审专班", "Set up a panel"))),
            Components.postForm(
                .panels, context,
                Components.banner(form, lang) + [
                    el(
                        "div", [.cls("grid")], Components.field("name", lang("专班名称", "Name"), form, lang, required: true),
                        Components.field("quorum", lang("法定人数", "Quorum"), form, lang, type: "number", required: true)),
                    Components.checkboxes("members", lang("成员（预审专家）", "Members (reviewers)"), members, checked: checkedMembers, form, lang),
                    Components.select(
                        "chair", lang("组长（决定入库；不设则由投促局决定）", "Chair (decides; else the bureau)"), members, form, lang,
                        blank: lang("（不设）", "(none)")),
                    Components.checkboxes(
                        "criteria", lang("评分指标", "Criteria"), criteria,
                        checked: checkedCriteria.isEmpty ? Set(criteria.map(\.value)) : checkedCriteria, form, lang),
                    Components.submit(lang("设立", "Create")),
                ]),
        ]
        return Layout.page(
            lang("预审专班", "Review panels"), crumbs: [.init(title: lang("预审专班", "Review panels"))], context: context, content: content)
    }

    /// What the lead page shows of the panel.
    struct Section: Sendable {
        struct Opinion: Sendable {
            var member: String
            var recommendation: ReviewPanelRules.Recommendation
            var scores: String
            var park: String
            var comment: String
            var isRevision: Bool
            var counts: Bool
        }

        var panelName: String
        var tally: ReviewPanelRules.Tally
        var opinions: [Opinion]
        var criteria: [ReviewCriterion]
        var parks: [String]
        var canGiveOpinion: Bool
        var hasOpinion: Bool
        /// The chair, or the bureau, decides on the lead.
        var canDecide: Bool = false
    }

    static func recommendationLabel(_ value: ReviewPanelRules.Recommendation, _ lang: Lang) -> String {
        switch value {
        case .recommend: lang("推荐入库", "Recommend")
        case .notRecommend: lang("不推荐", "Do not recommend")
        case .abstain: lang("弃权", "Abstain")
        }
    }

    static func section(_ section: Section, leadID: UUID, context: PageContext) -> [HNode] {
        let lang = context.lang
        let tally = section.tally
        var nodes: [HNode] = [
            el("h2", [], text(lang("预审专班：", "Review panel: ") + section.panelName)),
            el(
                "div", [.cls("cards")],
                card(String(tally.recommend), lang("推荐", "Recommend")), card(String(tally.notRecommend), lang("不推荐", "Not")),
                card(String(tally.abstain), lang("弃权", "Abstain")),
                card("\(tally.voters)/\(tally.quorum)", tally.quorumMet ? lang("已达法定人数", "Quorum met") : lang("未达法定人数", "No quorum yet"))),
        ]
        if !tally.averageScores.isEmpty {
            let averages = section.criteria.compactMap { criterion in
                tally.averageScores[criterion.rawValue].map { "\(criterion.label(lang)) \($0)" }
            }
            nodes.append(el("p", [.cls("muted")], text(lang("平均分：", "Average scores: ") + averages.joined(separator: "、"))))
        }
        nodes.append(
            Components.table(
                [lang("成员", "Member"), lang("意见", "Opinion"), lang("评分", "Scores"), lang("建议园区", "Park"), lang("说明", "Comment")],
                section.opinions.map { opinion in
                    var label = recommendationLabel(opinion.recommendation, lang)
                    if opinion.isRevision { label += lang("（修改）", " (revised)") }
                    if !opinion.counts { label += lang("（不计）", " (not counted)") }
                    return [text(opinion.member), text(label), text(opinion.scores), text(opinion.park), text(opinion.comment)]
                }, empty: lang("尚无意见。意见一经提交不可修改，改变意见须另行提交。", "No opinions yet. Opinions are never edited; a change is a new one.")))
        guard section.canGiveOpinion else { return nodes }
        let form = FormState(values: ["recommendation": "recommend"])
        var fields: [HNode] = []
        if section.hasOpinion { fields.append(voidEl("input", [.type("hidden"), .name("revision"), .value("1")])) }
        fields.append(
            Components.select(
                "recommendation", lang("意见", "Opinion"),
                ReviewPanelRules.Recommendation.allCases.map { ($0.rawValue, recommendationLabel($0, lang)) }, form,
                lang, required: true))
        fields.append(
            el(
                "div", [.cls("grid")],
                children: section.criteria.map { criterion in
                    Components.field(
                        "score-\(criterion.rawValue)", criterion.label(lang) + "（0–100）", form, lang, type: "number",
                        attrs: [Attr(name: "min", value: "0"), Attr(name: "max", value: "100")])
                }))
        fields.append(
            Components.select(
                "suggestedPark", lang("建议落地园区", "Suggested park"), section.parks.map { ($0, $0) }, form, lang,
                blank: lang("（不建议）", "(none)")))
        fields.append(Components.textArea("comment", lang("说明", "Comment"), form, lang))
        fields.append(
            Components.submit(
                section.hasOpinion ? lang("提交修改意见（原意见保留）", "Submit a revision (the first stays)") : lang("提交意见", "Give opinion")))
        nodes.append(el("h2", [], text(lang("我的意见", "My opinion"))))
        nodes.append(Components.postForm(.leadOpinion(leadID), context, fields))
        nodes.append(
            Components.postForm(
                .leadRecuse(leadID), context, cls: "form",
                [
                    Components.field("reason", lang("与该企业有关联？声明回避（理由）", "Linked to the enterprise? Recuse (reason)"), FormState(), lang),
                    Components.submit(lang("回避", "Recuse"), cls: "danger"),
                ]))
        return nodes
    }

    static func card(_ number: String, _ label: String) -> HNode {
        el("div", [.cls("card")], el("div", [.cls("num")], text(number)), el("div", [.cls("label")], text(label)))
    }

    /// A panel the bureau may put a lead to.
    struct PanelChoice: Sendable {
        var id: UUID
        var name: String
    }

    static func putToPanel(_ panels: [PanelChoice], leadID: UUID, context: PageContext) -> [HNode] {
        let lang = context.lang
        guard !panels.isEmpty else {
            return [el("p", [.cls("muted")], text(lang("尚未设立预审专班，可在“预审专班”中设立。", "No review panel yet.")))]
        }
        return [
            Components.postForm(
                .leadReview(leadID), context, cls: "form",
                [
                    Components.select(
                        "panel", lang("提交预审专班", "Put to a panel"), panels.map { ($0.id.uuidString, $0.name) }, FormState(), lang,
                        required: true),
                    Components.submit(lang("提交预审", "Put to panel"), cls: ""),
                ])
        ]
    }
}
