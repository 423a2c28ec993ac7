import Domain
import Fluent
import Foundation
import Spreadsheet
import Vapor

extension ListExports {
    /// 审计日志: the records the audit page's filters select, in the chain's order, every one of them
    /// (read along the sequence, so a log of millions streams like the registry), with each record's
    /// hash so a reader can check the chain outside the system.
    static let audit = ListExport(resource: .audit) { request in
        let filter = AuditController.Filter(request)
        let db = request.db
        let cursor = ExportCursor<Int64>()
        return ExportTable(
            kind: "audit", title: "审计日志",
            columns: [
                Column("序号", .integer), Column("时间（北京时间）", width: 20), Column("操作人"), Column("来源"), Column("操作", width: 22),
                Column("对象类型"), Column("对象", width: 38), Column("变更前", width: 40), Column("变更后", width: 40),
                Column("前一哈希", width: 30), Column("哈希", width: 30),
            ],
            filters: try await ExportNames.describe(
                filter.query, labels: ["actor": "操作人", "action": "操作", "object": "对象编号", "from": "起始日期", "to": "截止日期"], request),
            chunk: { _ in
                var query = filter.apply(AuditRecord.query(on: db))
                if let last = cursor.last { query = query.filter(\.$id > last) }
                let rows = try await query.sort(\.$id).limit(ExportTable.chunkSize).all()
                cursor.last = rows.last?.id
                return rows.map { row -> [Cell] in
                    [
                        .integer(Int(row.id ?? 0)), .text(AuditView.time(row.atMillis)), .text(row.actor), .text(row.ip), .text(row.action),
                        .text(row.objectType), .text(row.objectID), .text(row.before), .text(row.after), .text(row.previousHash),
                        .text(row.hash),
                    ]
                }
            })
    }
}
