import Domain
import Fluent
import Vapor

/// The audit admin's page: filter by actor, action, object and date; export as CSV. Both reads
/// are themselves recorded.
struct AuditController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.audit.pattern, use: list)
        pages.get(SiteURL.auditExport.pattern, use: export)
    }

    struct Filter: Sendable {
        var actor: String
        var action: String
        var objectID: String
        var from: String
        var to: String

        init(_ request: Request) {
            func value(_ key: String) -> String {
                String((request.query[String.self, at: key] ?? "").prefix(60)).trimmingCharacters(in: .whitespaces)
            }
            actor = value("actor")
            action = value("action")
            objectID = value("object")
            from = value("from")
            to = value("to")
        }

        var query: [String: String] { ["actor": actor, "action": action, "object": objectID, "from": from, "to": to] }

        func apply(_ builder: QueryBuilder<AuditRecord>) -> QueryBuilder<AuditRecord> {
            var builder = builder
            if !actor.isEmpty { builder = builder.filter(\.$actor == actor) }
            if !action.isEmpty { builder = builder.filter(\.$action ~~ action) }
            if !objectID.isEmpty { builder = builder.filter(\.$objectID == objectID) }
            if let start = Self.millis(from) { builder = builder.filter(\.$atMillis >= start) }
            if let end = Self.millis(to) { builder = builder.filter(\.$atMillis < end + 86_400_000) }
            return builder
        }

        /// A date in Asia/Shanghai as the millisecond its day starts.
        static func millis(_ date: String) -> Int64? { CivilDate(date).map(BeijingTime.startMillis) }
    }

    func list(_ request: Request) async throws -> Response {
        try request.authorize(.read, .audit)
        let filter = Filter(request)
        let page = max(1, min(request.query[Int.self, at: "page"] ?? 1, 10_000))
        try await request.auditRead("audit.read", objectType: "audit", detail: filter.query.filter { !$0.value.isEmpty })
        let rows = try await filter.apply(AuditRecord.query(on: request.db)).sort(\.$id, .descending)
            .range(((page - 1) * 50)..<(page * 50 + 1)).all()
        return .html(
            AuditView.render(
                Array(rows.prefix(50)), filter: filter, page: page, hasMore: rows.count > 50, context: PageContext(request: request)))
    }

    func export(_ request: Request) async throws -> Response {
        try request.authorize(.export, .audit)
        let filter = Filter(request)
        try await request.auditRead("audit.export", objectType: "audit", detail: filter.query.filter { !$0.value.isEmpty })
        let rows = try await filter.apply(AuditRecord.query(on: request.db)).sort(\.$id).limit(100_000).all()
        var csv = "\u{FEFF}seq,time,actor,ip,action,object_type,object_id,before,after,hash\n"
        for row in rows {
            let fields = [
                String(row.id ?? 0), AuditView.time(row.atMillis), row.actor, row.ip, row.action, row.objectType, row.objectID, row.before,
                row.after, row.hash,
            ]
            csv += fields.map(Self.csvField).joined(separator: ",") + "\n"
        }
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "audit.csv")
        return Response(status: .ok, headers: headers, body: .init(string: csv))
    }

    /// Quotes every field, and defuses spreadsheet formulas (a cell starting with = + - @).
    static func csvField(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

enum AuditView {
    static func time(_ millis: Int64) -> String { BeijingTime.text(millis: millis) }

    static func render(_ rows: [AuditRecord], filter: AuditController.Filter, page: Int, hasMore: Bool, context: PageContext) -> String {
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
                "div", [.cls("actions")], Components.submit(lang("筛选", "Filter")),
                el("a", [.href(SiteURL.auditExport.with(query: filter.query)), .cls("button")], text(lang("导出 CSV", "Export CSV")))))
        let table = Components.table(
            [
                lang("序号", "Seq"), lang("时间（北京时间）", "Time (UTC+8)"), lang("操作人", "Actor"), lang("来源", "From"), lang("操作", "Action"),
                lang("对象", "Object"), lang("变更", "Change"),
            ],
            rows.map { row in
                [
                    text(String(row.id ?? 0)), text(time(row.atMillis)), text(row.actor), text(row.ip), text(row.action),
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
