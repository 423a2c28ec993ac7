import Domain
import Foundation
import Spreadsheet
import Vapor

extension ListExports {
    /// 到位资金台账: every arrival the filters select, its verification beside it — a CNY amount in
    /// the 万元 column, a foreign one in its own currency's words (never added into 万元).
    static let funds = ListExport(resource: .project) { request in
        let user = try request.requireUser()
        let filter = try FundsLedger.Filter(request)
        let db = request.db
        return ExportTable(
            kind: "funds", title: "到位资金台账",
            columns: [
                Column("到位日期", .date), Column("项目名称", width: 30), Column("企业名称", width: 30), Column("承接单位", width: 20),
                Column("到位金额（万元）", .amount), Column("外币金额"), Column("外资"), Column("核验"), Column("核验日期", .date),
                Column("填报人"), Column("补录"),
            ],
            filters: try await ExportNames.describe(
                filter.query,
                labels: [
                    "q": "关键词", "host": "承接单位", "status": "核验", "from": "到位日期自", "to": "到位日期至", "mine": "只看我的",
                    "dir": "顺序",
                ],
                words: ["status": ExportNames.words(FundsLedger.Status.self) { $0.label(.zh) }, "dir": ExportNames.order], request),
            chunk: { index in
                var page = filter
                page.page = index + 1
                let rows = try await FundsLedger.rows(user, page, per: ExportTable.chunkSize, on: db)
                return rows.prefix(ExportTable.chunkSize).map { row -> [Cell] in
                    let cny = row.amount.currency == .cny
                    return [
                        .day(row.arrivedOn), .text(row.projectTitle), .text(row.enterpriseName), .text(row.hostName),
                        cny ? .wan(row.amount) : .empty, cny ? .empty : .text(ChineseAmount.format(row.amount)),
                        .text(row.isForeign ? "是" : "否"), .text(row.verifiedOn == nil ? "待核验" : "已核验"), .day(row.verifiedOn),
                        .text(row.reporterName), .text(row.backFilled ? "是" : ""),
                    ]
                }
            })
    }
}
