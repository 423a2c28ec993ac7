import Domain
import Foundation
import Spreadsheet
import Vapor

/// The figures pages that export as their tables: the funnel (units or one unit's people, with
/// the total) and a resident office's month (SPEC §6, seed [004]) — the same figures as the page,
/// counted from what the bureau verified, with what waits for verification in columns of its own.
extension ListExports {
    static let funnel = ListExport(resource: .activity) { request in
        let f = try await FiguresWebController.funnelFigures(request)
        var filters: [(label: String, value: String)] = [("年度", String(f.year))]
        if let unit = f.unitName { filters.append(("单位", unit)) }
        let lines = f.rows + [FiguresViews.FunnelRow(name: "合计", url: nil, funnel: f.total)]
        return ExportTable(
            kind: "funnel", title: "招商漏斗",
            columns: [
                Column(f.unitName == nil ? "单位" : "人员", width: 24), Column("走访企业", .integer),
                Column("线索", .integer), Column("入库", .integer), Column("签约（已核验）", .integer), Column("投产（已核验）", .integer),
                Column("走访→投产", .percent),
            ],
            filters: filters,
            chunk: ExportTable.whole(
                lines.map { row -> [Cell] in
                    let n = row.funnel
                    return [
                        .text(row.name), .integer(n.visits), .integer(n.leads), .integer(n.accepted), .integer(n.signed),
                        .integer(n.producing), n.landingRate.map { .number(Double($0) / 1000) } ?? .empty,
                    ]
                }))
    }

    static let residentMonth = ListExport(resource: .activity) { request in
        let (office, month, f) = try await FiguresWebController.residentMonthFigures(request)
        return ExportTable(
            kind: "resident-month", title: "驻点招商月报",
            columns: [
                Column("驻点机构", width: 24), Column("月份"), Column("走访企业（家）", .integer), Column("拜访商协会（个）", .integer),
                Column("引进项目（个）", .integer), Column("合同投资额（万元，已核验）", .amount), Column("另有待核验合同额（万元）", .amount),
                Column("到位资金（万元，已核验）", .amount), Column("另有待核验到位资金（万元）", .amount), Column("摘要", width: 60),
            ],
            filters: [("驻点机构", office.name), ("月份", month)],
            chunk: ExportTable.whole([
                [
                    .text(office.name), .text(month), .integer(f.enterprisesVisited), .integer(f.chambersVisited),
                    .integer(f.projectsIntroduced), .wan(f.contractAmount), .wan(f.pendingContract), .wan(f.fundsArrived),
                    .wan(f.pendingFunds), .text(f.summary),
                ]
            ]))
    }

    /// 领导包联: each link's contacts this month and on-site offices this quarter, those behind first.
    static let linkage = ListExport(resource: .linkage) { request in
        let (month, lines) = try await LinkageStanding.read(request)
        let monthText = String(format: "%04d-%02d", month.year, month.month)
        return ExportTable(
            kind: "linkage", title: "领导包联",
            columns: [
                Column("包联领导"), Column("包联企业", width: 30), Column("本月联系（次）", .integer), Column("本季度现场办公（次）", .integer),
                Column("情况", width: 36),
            ],
            filters: [("月份", monthText)],
            chunk: ExportTable.whole(
                lines.map { line -> [Cell] in
                    [
                        .text(line.leaderName), .text(line.enterpriseName), .integer(line.contactsThisMonth),
                        .integer(line.onSiteThisQuarter), .text(LinkageViews.standingText(line, .zh).text),
                    ]
                }))
    }
}
