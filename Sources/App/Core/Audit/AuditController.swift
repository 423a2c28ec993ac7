import Domain
import Fluent
import Vapor

/// The audit admin's page: filter by actor, action, object and date; export as .xlsx or CSV
/// (`ListExports.audit`). Both reads are themselves recorded.
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
                String((request.queryValue(key) ?? "").prefix(60)).trimmingCharacters(in: .whitespaces)
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
                rows.prefix(50).map {
                    AuditView.Row(
                        sequence: $0.id ?? 0, atMillis: $0.atMillis, actor: $0.actor, ip: $0.ip, action: $0.action,
                        objectType: $0.objectType,
                        objectID: $0.objectID, before: $0.before, after: $0.after)
                }, filter: filter, page: page, hasMore: rows.count > 50, context: PageContext(request: request)))
    }

    /// The first export's address, kept for bookmarks: the list's own export answers it now
    /// (every record the filters select, streamed, as .xlsx or CSV; `ListExports.audit`).
    func export(_ request: Request) async throws -> Response {
        try request.authorize(.export, .audit)
        var query = Filter(request).query.filter { !$0.value.isEmpty }
        query["format"] = "csv"
        return request.redirect(to: SiteURL.audit.with(query: query))
    }
}
