import Domain
import Foundation

/// The results page's part on 流动红旗 heads: for each praised unit, its head entered into the
/// promotion reserve or, for the bureau, the form that enters them (the person whose post names a
/// head chosen first).
enum EvaluationReserveView {
    static func section(
        _ c: EvaluationCampaignRecord, _ praised: [EvaluationService.PraisedUnit], mayManage: Bool, form: FormState, context: PageContext
    ) -> [HNode] {
        let lang = context.lang
        guard !praised.isEmpty else { return [] }
        var content: [HNode] = [
            el("h2", [], text(lang("流动红旗单位主要负责人（提拔后备库）", "Heads of the praised units (reserve pool)"))),
            el(
                "p", [.cls("muted")],
                text("各系列前三名单位的主要负责人评为优秀、列入提拔后备库（来源“双百双评流动红旗单位主要负责人”）。由招商局确认负责人后录入，入库记录与理由见"), text(" "),
                el("a", [.href(SiteURL.reservePool.path)], text(lang("提拔后备库", "the reserve pool"))), text("。")),
        ]
        content += Components.banner(form, lang)
        for unit in praised {
            var children: [HNode] = [
                el("strong", [], text("\(unit.series.label(lang)) 第 \(unit.line.place ?? 0) 名：\(unit.line.name)"))
            ]
            if !unit.entered.isEmpty {
                children.append(el("span", [.cls("tag ontime")], text("已入库：" + unit.entered.joined(separator: "、"))))
            } else if mayManage, !unit.people.isEmpty {
                var f = form["unit"] == unit.line.unitID.uuidString ? form : FormState(values: ["decidedBy": "招商引资工作领导小组"])
                f.banner = nil
                f.idPrefix = "r-\(unit.line.unitID.uuidString.prefix(8))-"
                if f["person"].isEmpty { f.values["person"] = unit.suggested?.uuidString ?? "" }
                children.append(
                    Components.postForm(
                        .evaluationReserve(c.id), context, cls: "form row-form",
                        [
                            voidEl("input", [.type("hidden"), .name("unit"), .value(unit.line.unitID.uuidString)]),
                            Components.select(
                                "person", lang("主要负责人", "Head"), unit.people.map { ($0.id.uuidString, "\($0.name)（\($0.post)）") }, f, lang),
                            Components.field("decidedBy", lang("决定单位", "Decided by"), f, lang, required: true),
                            el("p", [.cls("actions")], Components.submit(lang("列入提拔后备库", "Enter into the pool"))),
                        ]))
            } else if unit.people.isEmpty {
                children.append(el("span", [.cls("muted")], text("该单位没有在册人员。")))
            }
            content.append(el("div", [.cls("card reserve")], children: children))
        }
        return content
    }
}
