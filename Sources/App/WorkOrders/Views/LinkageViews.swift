import Domain
import Foundation

/// The 包联 page: who is behind this month and this quarter, and by how much.
enum LinkageViews {
    /// A link's standing in words: what it is short of, or that it is on track.
    static func standingText(_ line: LinkageStanding.Line, _ lang: Lang) -> (text: String, behind: Bool) {
        var standing: [String] = []
        if line.standing.contactsShort > 0 {
            standing.append(lang("本月尚缺联系 \(line.standing.contactsShort) 次", "\(line.standing.contactsShort) contact(s) short"))
        }
        if line.standing.onSiteShort > 0, line.standing.quarterClosing {
            standing.append(lang("本季度尚缺现场办公 \(line.standing.onSiteShort) 次", "\(line.standing.onSiteShort) on-site office(s) short"))
        }
        guard standing.isEmpty else { return (standing.joined(separator: "；"), true) }
        let pending = line.standing.onSiteShort > 0 && !line.standing.quarterClosing
        return (lang(pending ? "按要求（本季度现场办公待安排）" : "按要求", pending ? "On track (on-site office due this quarter)" : "On track"), false)
    }

    static func page(
        _ lines: [LinkageStanding.Line], month: CivilDate, leaders: [(value: String, label: String)], form: FormState, context: PageContext
    ) -> String {
        let lang = context.lang
        let monthText = String(format: "%04d-%02d", month.year, month.month)
        let behind = lines.filter(\.standing.isBehind)
        let leadersBehind = Set(behind.map(\.leaderName)).count
        var content: [HNode] = [
            el(
                "p", [],
                text(
                    lang(
                        "规则：每家包联企业每月至少联系 1 次，每季度至少现场办公 1 次。\(monthText) 共 \(lines.count) 个包联关系，\(leadersBehind) 位领导有 \(behind.count) 个落后。",
                        "Rule: a contact a month and an on-site office a quarter. \(monthText): \(lines.count) links, \(behind.count) behind."
                    ))),
            el(
                "form", [.action(.linkage), .get, .cls("toolbar")],
                voidEl("input", [.type("month"), .name("month"), .value(monthText), .aria("label", lang("月份", "Month"))]),
                Components.submit(lang("查看", "Show"), cls: ""),
                el("span", [], children: ListViews.exportLinks(.linkage, query: ["month": monthText], resource: .linkage, context))),
        ]
        let table = Components.table(
            [
                lang("领导", "Leader"), lang("包联企业", "Enterprise"), lang("本月联系", "Contacts this month"),
                lang("本季度现场办公", "On-site this quarter"), lang("情况", "Standing"),
            ],
            lines.map { line in
                let standing = standingText(line, lang)
                var cells: [HNode] = [
                    text(line.leaderName), text(line.enterpriseName), text(String(line.contactsThisMonth)),
                    text(String(line.onSiteThisQuarter)),
                    standing.behind ? el("span", [.cls("tag late")], text(standing.text)) : text(standing.text),
                ]
                if context.may(.manage, .workOrder) {
                    cells[4] = el(
                        "span", [], cells[4],
                        Components.postForm(
                            .linkageEnd(line.linkageID), context, cls: "inline", [Components.submit(lang("解除", "End"), cls: "link-button")])
                    )
                }
                return cells
            }, empty: lang("尚未建立包联关系。", "No links yet."), numeric: [2, 3])
        content.append(table)
        if !leaders.isEmpty {
            content.append(el("h2", [], text(lang("新增包联", "Link a leader"))))
            content.append(
                Components.postForm(
                    .linkage, context,
                    Components.banner(form, lang) + [
                        el(
                            "div", [.cls("grid")], Components.select("leader", lang("领导", "Leader"), leaders, form, lang, required: true),
                            Components.field("enterpriseName", lang("企业名称", "Enterprise"), form, lang, required: true)),
                        Components.submit(lang("建立包联", "Link")),
                    ]))
        }
        return Layout.page(lang("领导包联企业", "Leader–enterprise linkage"), context: context, content: content)
    }
}
