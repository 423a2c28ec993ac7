import Domain
import Foundation

/// 提拔后备库: who is in the pool now, every record in the order kept (nothing is ever changed or
/// deleted; taking someone out is a record of its own), and the bureau's form to add one.
enum ReservePoolView {
    struct Model {
        var records: [ReservePoolService.Record]
        var people: [CadreFigures.Cadre]
        var mayManage: Bool
        var form: FormState
    }

    static func history(_ records: [ReservePoolService.Record], _ lang: Lang, withPerson: Bool = true) -> HNode {
        let rows = records.reversed().map { record -> [HNode] in
            let e = record.entry
            var cells: [HNode] = [text("\(e.sequence)")]
            if withPerson {
                cells += [
                    UUID(uuidString: e.person).map { link(.cadre($0), record.personName) } ?? text(record.personName),
                    text(record.unitName),
                ]
            }
            return cells + [
                el("span", [.cls(e.action == .enter ? "tag ontime" : "tag late")], text(e.action.label)), text("\(e.year)"),
                text(e.source.label), text(e.reason), text(e.decidedBy), text(e.decidedOn.description),
                text("\(record.recordedBy) \(BeijingTime.text(millis: record.recordedAt))"),
            ]
        }
        let headers =
            [lang("序号", "No.")] + (withPerson ? [lang("姓名", "Name"), lang("单位", "Unit")] : [])
            + [
                lang("记录", "Record"), lang("年度", "Year"), lang("来源", "Source"), lang("理由", "Reason"), lang("决定单位", "Decided by"),
                lang("决定日期", "Decided on"), lang("登记", "Recorded"),
            ]
        return Components.table(headers, rows, empty: lang("尚无记录。", "No records."), numeric: [0])
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let lang = context.lang
        let current = ReservePool.current(model.records.map(\.entry))
        let inPool = model.records.filter { record in current[record.entry.person]?.sequence == record.entry.sequence }
        var content: [HNode] = [
            el(
                "p", [.cls("totals")],
                text(
                    lang(
                        "在库 \(inPool.count) 人。记录只增不改：移出也是一条记录，历次入库、移出及其理由、来源和决定单位均保留。",
                        "\(inPool.count) in the pool. Records are only ever added."))),
            el("h2", [], text(lang("在库人员", "In the pool"))),
            Components.table(
                [
                    lang("姓名", "Name"), lang("单位", "Unit"), lang("年度", "Year"), lang("来源", "Source"), lang("理由", "Reason"),
                    lang("决定单位", "Decided by"), lang("决定日期", "Decided on"),
                ],
                inPool.map { record in
                    let e = record.entry
                    return [
                        UUID(uuidString: e.person).map { link(.cadre($0), record.personName) } ?? text(record.personName),
                        text(record.unitName), text("\(e.year)"), text(e.source.label), text(e.reason), text(e.decidedBy),
                        text(e.decidedOn.description),
                    ]
                }, empty: lang("后备库暂无人员。", "Nobody yet."), numeric: [2]),
            el("h2", [], text(lang("全部记录", "Every record"))), history(model.records, lang),
        ]
        if model.mayManage { content += form(model, context: context) }
        return Layout.page(
            lang("提拔后备库", "Promotion reserve pool"), crumbs: [.init(title: lang("提拔后备库", "Reserve pool"))], context: context,
            content: content)
    }

    static func form(_ model: Model, context: PageContext) -> [HNode] {
        let lang = context.lang
        let form = model.form
        let people = model.people.map { (value: $0.id.uuidString, label: "\($0.name)（\($0.unit.name)·\($0.post)）") }
        return [
            el("h2", [], text(lang("登记一条记录", "Add a record"))),
            Components.postForm(
                .reservePool, context,
                Components.banner(form, lang) + [
                    Components.select("person", lang("干部", "Cadre"), people, form, lang, required: true, blank: lang("请选择", "Choose")),
                    Components.select(
                        "action", lang("记录", "Record"), ReservePool.Action.allCases.map { ($0.rawValue, $0.label) }, form, lang,
                        required: true),
                    Components.field("year", lang("年度", "Year"), form, lang, type: "number", required: true),
                    Components.select(
                        "source", lang("来源", "Source"), ReservePool.Source.allCases.map { ($0.rawValue, $0.label) }, form, lang,
                        required: true),
                    Components.field(
                        "reason", lang("理由", "Reason"), form, lang, required: true, hint: lang("不超过 200 字", "At most 200 characters")),
                    Components.field(
                        "decidedBy", lang("决定单位", "Decided by"), form, lang, required: true,
                        hint: lang("如：县委组织部、招商引资工作领导小组", "e.g. the county's organisation department")),
                    Components.field("decidedOn", lang("决定日期", "Decided on"), form, lang, type: "date", required: true),
                    el("p", [.cls("actions")], Components.submit(lang("登记", "Record"))),
                ]),
        ]
    }
}
