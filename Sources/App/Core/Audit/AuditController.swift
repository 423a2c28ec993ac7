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
                rows.prefix(50).map {
                    AuditView.Row(
                        sequence: $0.id ?? 0, atMillis: $0.atMillis, actor: $0.actor, ip: $0.ip, action: $0.action,
                        objectType: $0.objectType,
                        objectID: $0.objectID, before: $0.before, after: $0.after)
                }, filter: filter, page: page, hasMore: rows.count > 50, context: PageContext(request: request)))
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
        // a formula, or a tab / line break a spreadsheet would take for the start of one
        // (by scalar: "\r\n" is one Character, so a lone "\r" would not match a character set)
        if let first = text.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first) { text = "'" + text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
