import Domain
import Fluent
import FluentSQL
import Foundation

/// 已办: what I did lately, from the audit trail by actor (migration 031), newest first, each with
/// the record it was done on — so a cadre finds again the lead they answered or the report they
/// verified yesterday. Only acts on the business records; reads and refusals stay with the auditor.
enum DoneList {
    struct Item: Sendable {
        var atMillis: Int64
        var action: String
        var url: SiteURL
        var title: String
    }

    static let days: Int64 = 30
    static let shown = 10
    static let objectTypes = ["lead", "project", "work_order", "activity", "enterprise"]

    static func recent(by login: String, now millis: Int64, on db: any Database) async throws -> [Item] {
        let since = millis - days * 86_400_000
        let rows = try await db.sql.raw(
            """
            SELECT at_millis, action, object_type, object_id FROM audit_records
            WHERE actor = \(bind: login) AND at_millis >= \(bind: since) AND object_type IN (\(binds: objectTypes))
              AND action NOT IN (\(binds: RecordHistory.hidden.sorted()))
            ORDER BY at_millis DESC, seq DESC LIMIT \(bind: shown)
            """
        ).all()
        let acts = try rows.map { row in
            let r = RowReader(row)
            return (
                at: try r.int64("at_millis"), action: try r.string("action"), type: try r.string("object_type"),
                id: UUID(uuidString: try r.string("object_id"))
            )
        }
        // the records' names, one query per kind
        var titles: [UUID: String] = [:]
        for (type, table, column) in [
            ("lead", "leads", "enterprise_name"), ("project", "projects", "title"), ("work_order", "work_orders", "title"),
            ("activity", "activities", "counterpart"), ("enterprise", "enterprises", "name"),
        ] {
            let ids = acts.filter { $0.type == type }.compactMap(\.id)
            guard !ids.isEmpty else { continue }
            for row in try await db.sql.raw(
                "SELECT id, \(unsafeRaw: column) AS title FROM \(unsafeRaw: table) WHERE id IN (\(binds: ids))"
            ).all() {
                let r = RowReader(row)
                titles[try r.uuid("id")] = try r.string("title")
            }
        }
        return acts.compactMap { act in
            guard let id = act.id, let title = titles[id] else { return nil }
            let url: SiteURL =
                switch act.type {
                case "lead": .lead(id)
                case "project": .project(id)
                case "work_order": .workOrder(id)
                case "enterprise": .enterprise(id)
                default: .activities
                }
            return Item(atMillis: act.at, action: act.action, url: url, title: title)
        }
    }
}
