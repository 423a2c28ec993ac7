import Domain
import Foundation

/// The 360° parts of an enterprise's page (`EnterpriseStory`), below its registry facts.
enum EnterpriseStoryView {
    static func render(_ story: EnterpriseStory, enterprise: EnterpriseDTO, context: PageContext) -> [HNode] {
        let lang = context.lang
        var nodes: [HNode] = []
        var summary: [(String, HNode)] = []
        if let leaders = story.linkedLeaders {
            summary.append(
                (lang("包联领导", "Linked leader"), text(leaders.isEmpty ? lang("（未包联）", "(none)") : leaders.joined(separator: "、"))))
        }
        if enterprise.attracted || story.attractedBy != nil {
            let how: HNode =
                story.attractedBy.map { project in
                    el(
                        "span", [], text(lang("经项目 ", "through ")), link(.project(project.id), project.title),
                        text(lang("（\(project.acceptedOn) 入库）引进", " (accepted \(project.acceptedOn))")))
                } ?? text(lang("已标记为招商企业，系统中尚无已核验签约的项目", "marked attracted; no verified signed project here"))
            summary.append((lang("招商引资企业", "Attracted"), how))
        }
        if !summary.isEmpty { nodes.append(el("section", [.cls("panel")], Components.definitionList(summary))) }

        if context.may(.read, .project) {
            let shown = Array(story.projects.prefix(EnterpriseStory.shown))
            let investment = AmountColumn.fitting(shown.map(\.investment).filter { $0.currency == .cny })
            let contract = AmountColumn.fitting(shown.compactMap(\.verifiedContract).filter { $0.currency == .cny })
            nodes.append(heading(lang("项目", "Projects"), count: story.projects.count, more: story.projects.count > shown.count, lang))
            nodes.append(
                Components.table(
                    [
                        lang("项目", "Project"), lang("阶段（已核验）", "Stage (verified)"),
                        lang("计划投资（\(investment.unit)）", "Investment (\(investment.unit))"),
                        lang("核验合同额（\(contract.unit)）", "Verified contract (\(contract.unit))"), lang("承接单位", "Host"),
                    ],
                    shown.map { row in
                        [
                            link(.project(row.id), row.title), text(row.verifiedStage.label(lang)), text(investment.cell(row.investment)),
                            text(row.verifiedContract.map { contract.cell($0) } ?? "—"), text(row.hostName),
                        ]
                    }, empty: lang("没有项目。", "No projects."), numeric: [2, 3]))
            if story.projects.count > shown.count {
                nodes.append(
                    el(
                        "p", [],
                        el(
                            "a", [.href(SiteURL.projectLedger.with(query: ["enterprise": enterprise.id.uuidString]))],
                            text(lang("在项目台账中查看全部 →", "All in the ledger →")))))
            }
        }
        if context.may(.read, .lead) {
            let amounts = AmountColumn.fitting(story.leads.map(\.investment).filter { $0.currency == .cny })
            nodes.append(heading(lang("招商线索", "Leads"), count: story.leads.count, more: story.leads.count > EnterpriseStory.shown, lang))
            nodes.append(
                Components.table(
                    [
                        lang("提交日期", "Submitted"), lang("状态", "Status"), lang("意向投资（\(amounts.unit)）", "Investment (\(amounts.unit))"),
                        lang("提交单位", "Unit"),
                    ],
                    story.leads.prefix(EnterpriseStory.shown).map { lead in
                        [
                            link(.lead(lead.id), lead.submittedOn), text(lead.status.label(lang)), text(amounts.cell(lead.investment)),
                            text(lead.unitName),
                        ]
                    }, empty: lang("没有可见的线索。", "No leads you may see."), numeric: [2], dates: [0]))
        }
        if context.may(.read, .activity) {
            nodes.append(
                heading(
                    lang("走访与活动", "Visits and activities"), count: story.activities.count,
                    more: story.activities.count > EnterpriseStory.shown, lang))
            nodes.append(
                Components.table(
                    [lang("日期", "Date"), lang("类型", "Kind"), lang("结果", "Outcome"), lang("下一步", "Next step"), lang("记录人", "By")],
                    story.activities.prefix(EnterpriseStory.shown).map { activity in
                        [
                            text(activity.occurredOn), text(activity.kind.label(lang)), text(activity.outcome),
                            text(activity.nextStep.isEmpty ? "—" : activity.nextStep), text(activity.ownerName),
                        ]
                    }, empty: lang("没有可见的走访记录。", "No visits you may see."), dates: [0]))
        }
        if context.may(.read, .workOrder), context.worksInside {
            nodes.append(
                heading(
                    lang("工单（诉求与要素保障）", "Work orders"), count: story.orders.count, more: story.orders.count > EnterpriseStory.shown, lang))
            nodes.append(
                Components.table(
                    [lang("编号", "No."), lang("事项", "Item"), lang("责任单位", "Unit"), lang("状态", "Status")],
                    story.orders.prefix(EnterpriseStory.shown).map { order in
                        [
                            text(order.number), link(.workOrder(order.id), order.title),
                            text(order.unitName ?? lang("待分办", "Not routed")),
                            text(order.status.label(lang)),
                        ]
                    }, empty: lang("没有可见的工单。", "No work orders you may see.")))
        }
        return nodes
    }

    /// A part's heading: its count, or "the latest N" when more exist than are shown.
    static func heading(_ title: String, count: Int, more: Bool, _ lang: Lang) -> HNode {
        let note =
            more
            ? lang("最近 \(EnterpriseStory.shown) 条，另有更多", "latest \(EnterpriseStory.shown) of more")
            : lang("共 \(count) 条", "\(count) in all")
        return el("h2", [], text(title), text(" "), el("span", [.cls("muted")], text(note)))
    }
}
