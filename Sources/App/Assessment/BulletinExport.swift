import Domain
import Foundation
import Spreadsheet
import Vapor

/// A bulletin as a workbook (`/bulletins/{year}/{number}?format=xlsx`, or the API's route with an
/// `Accept` naming the workbook): the same snapshot the page prints, one row per line — the
/// ranking, the praised, the criticised, the work orders overdue into the bulletin step.
enum BulletinExport {
    static let export = ListExport(resource: .assessment) { request in
        let issued = try await BulletinWebController.issued(request)
        let b = issued.record
        func score(_ centipoints: Int64) -> Cell { .number(Double(centipoints) / 100) }
        var rows: [[Cell]] = b.ranking.map { r in
            [
                .text("考核排名"), .text(r.kind), .integer(r.place), .text(r.unit), score(r.score), score(r.results), score(r.deducted),
                .text("合同投资完成 \(r.contract)"),
            ]
        }
        rows += b.praise.map { [.text("通报表扬"), .text($0.kind), .empty, .text($0.unit), .empty, .empty, .empty, .text($0.text)] }
        rows += b.criticism.map { [.text("通报批评"), .text($0.kind), .empty, .text($0.unit), .empty, .empty, .empty, .text($0.text)] }
        rows += b.overdue.map { o in
            [
                .text("超期工单"), .empty, .empty, .text(o.unit), .empty, .empty, .empty,
                .text("\(o.number) \(o.title)：答复期限 \(o.deadline)，\(o.reached) 进入通报环节，\(o.answered.map { "\($0) 答复" } ?? "未答复")"),
            ]
        }
        return ExportTable(
            kind: "bulletin-\(b.year)-\(b.number)", title: "\(b.numberText) \(b.title)",
            columns: [
                Column("部分"), Column("单位类别"), Column("名次", .integer), Column("单位", width: 24), Column("得分（分）", .amount),
                Column("实绩得分（分）", .amount), Column("扣分（分）", .amount), Column("说明", width: 60),
            ],
            filters: [("期号", b.numberText), ("发文机关", b.issuer), ("印发日期", b.issuedOn), ("摘要 SHA-256", issued.publication.digest)],
            chunk: ExportTable.whole(rows))
    }

    static var table: [String: ListExport] {
        [
            "GET " + SiteURL.bulletin(year: 0, number: 0).pattern.template: export,
            "GET " + APIRoute.bulletin.pattern.template: export,
        ]
    }
}
