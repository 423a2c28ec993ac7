import Domain
import Foundation

/// The audit admin's page: the filter, the records (before and after), the pager and the export.
enum AuditView {
    static func time(_ millis: Int64) -> String { BeijingTime.text(millis: millis) }

    /// One record as the page shows it.
    struct Row: Sendable {
        var sequence: Int64
        var atMillis: Int64
        var actor: String
        var ip: String
        var action: String
        var objectType: String
        var objectID: String
        var before: String
        var after: String
    }

    static func render(_ rows: [Row], filter: AuditController.Filter, page: Int, hasMore: Bool, context: PageContext) -> String {
        let lang = context.lang
        let form = FormState(values: [
            "actor": filter.actor, "action": filter.action, "object": filter.objectID, "from": filter.from, "to": filter.to,
        ])
        let filterForm = el(
            "form", [.action(.audit), .get, .cls("panel")],
            el(
                "div", [.cls("grid-auto")],
                Components.field("actor", lang("操作人（用户名）", "Actor (login)"), form, lang),
                Components.field(
                    "action", lang("操作", "Action"), form, lang, hint: lang("如 login、enterprise.update", "e.g. login, enterprise.update")),
                Components.field("object", lang("对象编号", "Object id"), form, lang),
                Components.field("from", lang("起始日期", "From"), form, lang, type: "date"),
                Components.field("to", lang("截止日期", "To"), form, lang, type: "date")),
            el(
                "div", [.cls("actions")],
                children: [Components.submit(lang("筛选", "Filter"))]
                    + ListViews.exportLinks(.audit, query: filter.query, resource: .audit, context)))
        let table = Components.table(
            [
                lang("序号", "Seq"), lang("时间（北京时间）", "Time (UTC+8)"), lang("操作人", "Actor"), lang("来源", "From"), lang("操作", "Action"),
                lang("对象", "Object"), lang("变更", "Change"),
            ],
            rows.map { row in
                [
                    text(String(row.sequence)), text(time(row.atMillis)), text(row.actor), text(row.ip), text(row.action),
                    text(row.objectType + " " + row.objectID.prefix(8)),
                    el(
                        "span", [.cls("muted")],
                        text(
                            String(
                                (row.before.isEmpty ? "" : lang("前：", "before: ") + row.before.prefix(120) + " ")
                                    + (row.after.isEmpty ? "" : lang("后：", "after: ") + row.after.prefix(160))))),
                ]
            }, empty: lang("没有符合条件的记录。", "No records match."))
        let note = el(
            "p", [.cls("muted")],
            text(
                lang(
                    "审计日志只可追加，每条记录含上一条的哈希；运行 zhaoshang audit-verify 可校验整条链。本页的查看与导出也会被记录。",
                    "The log is append-only and hash-chained; `zhaoshang audit-verify` checks the chain. Viewing and exporting are recorded too."
                )))
        return Layout.page(
            lang("审计日志", "Audit log"), crumbs: [.init(title: lang("审计日志", "Audit log"))], context: context,
            content: [filterForm, note, table, Components.pager(.audit, query: filter.query, page: page, hasMore: hasMore, lang)])
    }
}
