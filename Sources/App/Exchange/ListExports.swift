import Domain
import Fluent
import Foundation
import Spreadsheet
import Vapor

/// Every list that exports, by its routes (the page's and the API's): each reads the list's own
/// filter from the request and its own query, chunk by chunk, in the page's order.
enum ListExports {
    static var table: [String: ListExport] {
        var routes: [String: ListExport] = [:]
        for (paths, export) in [
            ([SiteURL.leads.path, SiteURL.api(.leads).path], leads),
            ([SiteURL.projectLedger.path, SiteURL.api(.projectLedger).path], projects),
            ([SiteURL.fundsLedger.path, SiteURL.api(.fundsLedger).path], funds),
            ([SiteURL.audit.path], audit),
            ([SiteURL.workOrders.path, SiteURL.api(.workOrders).path], workOrders),
            ([SiteURL.activities.path, SiteURL.api(.activities).path], activities),
            ([SiteURL.enterprises.path, SiteURL.api(.enterprises).path], enterprises),
            ([SiteURL.workOrderBoard.path, SiteURL.api(.workOrderBoard).path], accountabilityBoard),
            ([SiteURL.todos.path], todos),
            ([SiteURL.funnel.path], funnel),
            ([SiteURL.linkage.path, SiteURL.api(.linkage).path], linkage),
            ([SiteURL.residentMonth(SiteURL.anyID).pattern.template, APIRoute.unitMonth.pattern.template], residentMonth),
        ] {
            for path in paths { routes["GET " + path] = export }
        }
        return routes
    }

    /// 线索台账.
    static let leads = ListExport(resource: .lead) { request in
        let user = try request.requireUser()
        let filter = try LeadList.Filter(request)
        let today = request.clock.today
        let names = try await ExportNames.load(request)
        let db = request.db
        return ExportTable(
            kind: "leads", title: "线索台账",
            columns: [
                Column("企业名称", width: 30), Column("统一社会信用代码", width: 21), Column("行业", width: 24),
                Column("意向投资（万元）", .amount), Column("线索来源"), Column("状态"), Column("提交单位", width: 20), Column("提交人"),
                Column("提交日期", .date), Column("首次响应时限", .date), Column("首次响应日期", .date), Column("研判时限", .date),
                Column("研判日期", .date), Column("投资方联系人"), Column("联系电话"), Column("企业所在城市"), Column("项目内容", width: 40),
            ],
            filters: try await ExportNames.describe(
                filter.query, labels: LeadFilterWords.labels,
                words: [
                    "channel": ExportNames.words(LeadChannel.self) { $0.label(.zh) }, "dir": ExportNames.order,
                    "state": ExportNames.words(LeadList.Filter.State.self) { $0.label(.zh) },
                ], request),
            chunk: { index in
                var page = filter
                page.page = index + 1
                let rows = try await LeadList.rows(for: user, filter: page, today: today, per: ExportTable.chunkSize, on: db)
                let persons = try await names.persons(rows.map(\.submitterID), on: db)
                return rows.prefix(ExportTable.chunkSize).map { lead -> [Cell] in
                    [
                        .text(lead.enterpriseName), lead.uscc.map(Cell.text) ?? .empty, .text(IndustryCodes.label(lead.industryCode)),
                        .wan(lead.investment), .text(lead.channel.label(.zh)), .text(lead.status.label(.zh)),
                        .text(names.unit(lead.submitterUnitID)), .text(persons[lead.submitterID] ?? ""), .day(lead.submittedOn),
                        .day(lead.respondBy), .day(lead.respondedOn), .day(lead.assessBy), .day(lead.assessedOn),
                        .text(lead.contactName), .text(lead.contactPhone), .text(lead.homeCity), .text(lead.projectContent),
                    ]
                }
            })
    }

    /// 项目台账: the verified stage, contract and funds (what was only reported is not counted).
    static let projects = ListExport(resource: .project) { request in
        let user = try request.requireUser()
        let filter = try ProjectLedger.Filter(request)
        let rates = try await ExchangeRate.table(request)
        let db = request.db
        return ExportTable(
            kind: "projects", title: "项目台账",
            columns: [
                Column("项目名称", width: 30), Column("企业名称", width: 30), Column("行业", width: 24), Column("承接单位", width: 20),
                Column("阶段（已核验）"), Column("报送阶段（待核验）"), Column("重大项目"), Column("入库日期", .date),
                Column("计划投资（万元）", .amount), Column("合同额·已核验（万元）", .amount), Column("签约日期·已核验", .date),
                Column("到位资金·已核验（万元）", .amount), Column("缺汇率的月份"), Column("最近进展", .date),
            ],
            filters: try await ExportNames.describe(
                filter.query, labels: LedgerFilterWords.labels,
                words: ["stage": ExportNames.words(ProjectStage.self) { $0.label(.zh) }, "dir": ExportNames.order], request),
            chunk: { index in
                var page = filter
                page.page = index + 1
                let rows = try await ProjectLedger.rows(user, page, rates: rates, per: ExportTable.chunkSize, on: db)
                return rows.prefix(ExportTable.chunkSize).map { row -> [Cell] in
                    [
                        .text(row.title), .text(row.enterpriseName), .text(IndustryCodes.label(row.industryCode)), .text(row.hostName),
                        .text(row.verifiedStage.label(.zh)), row.stage == row.verifiedStage ? .empty : .text(row.stage.label(.zh)),
                        .text(row.isMajor ? "是" : "否"), .day(row.acceptedOn), .wan(row.investment), .wan(row.verifiedContract),
                        .day(row.verifiedSignedOn), .wan(row.fundsVerified), .text(row.fundsMissingRates.joined(separator: "、")),
                        .day(row.lastActivityOn),
                    ]
                }
            })
    }
}

/// The filter words of each list as the 说明 sheet names them.
enum LeadFilterWords {
    static let labels: [String: String] = [
        "state": "状态", "overdue": "只看逾期", "q": "关键词", "unit": "提交单位", "person": "提交人", "channel": "线索来源",
        "industry": "行业", "min": "意向投资不低于（万元）", "max": "意向投资不高于（万元）", "from": "提交日期自", "to": "提交日期至",
        "sort": "排序", "dir": "顺序",
    ]
}

enum LedgerFilterWords {
    static let labels: [String: String] = [
        "q": "关键词", "host": "承接单位", "enterprise": "企业", "stage": "阶段（已核验）", "industry": "行业",
        "min": "计划投资不低于（万元）", "max": "计划投资不高于（万元）", "from": "入库日期自", "to": "入库日期至", "major": "只看重大项目",
        "mine": "只看我的", "sort": "排序", "dir": "顺序",
    ]
}

extension ListExports {
    /// 诉求与督办事项: the view on screen (待办, 我提出的, 全部, 已超期, 待分派) with its filters.
    static let workOrders = ListExport(resource: .workOrder) { request in
        let user = try request.requireUser()
        let api = request.url.path.hasPrefix(APIRoute.prefix)
        let view =
            api && request.queryValue("view") == nil
            ? (AccessPolicy.seesWholeJurisdiction(user.roles) ? .all : .todo) : try WorkOrderList.View.asked(request)
        let kind = try request.queryChoice("kind", WorkOrderKind.self)
        let filter = try WorkOrderList.Filter(request)
        let today = request.clock.today
        let db = request.db
        var described = try await ExportNames.describe(
            filter.query, labels: WorkOrderFilterWords.labels,
            words: ["status": ExportNames.words(WorkOrderStatus.self) { $0.label(.zh) }, "dir": ExportNames.order], request)
        described.insert(("视图", view.label(.zh)), at: 0)
        if let kind { described.insert(("类别", kind.label(.zh)), at: 1) }
        return ExportTable(
            kind: "work-orders", title: "诉求与督办事项",
            columns: [
                Column("编号", width: 16), Column("类别"), Column("事项", width: 40), Column("状态"), Column("责任单位", width: 20),
                Column("提出人"), Column("提出日期", .date), Column("办理时限", .date), Column("答复日期", .date), Column("是否逾期"),
                Column("重新办理次数", .integer),
            ],
            filters: described,
            chunk: { index in
                let rows = try await WorkOrderList.rows(
                    user, view, kind: kind, filter: filter, today: today, limit: ExportTable.chunkSize,
                    offset: index * ExportTable.chunkSize, on: db)
                return rows.map { row -> [Cell] in
                    [
                        .text(row.number), .text(row.kind.label(.zh)), .text(row.title), .text(row.status.label(.zh)),
                        .text(row.unitName ?? ""), .text(row.requesterName), .day(row.submittedOn), .day(row.deadline),
                        .day(row.answeredOn), .text(row.isLate(today: today) ? "逾期" : "否"), .integer(row.reopenCount),
                    ]
                }
            })
    }

    /// 招商活动: visits, calls, receptions and fairs, with their next steps.
    static let activities = ListExport(resource: .activity) { request in
        let user = try request.requireUser()
        let filter = try ActivityList.Filter(request)
        let today = request.clock.today
        let db = request.db
        return ExportTable(
            kind: "activities", title: "招商活动",
            columns: [
                Column("日期", .date), Column("类型"), Column("对象", width: 30), Column("城市"), Column("成果", width: 40),
                Column("下一步", width: 30), Column("下一步时限", .date), Column("完成日期", .date), Column("是否逾期"), Column("负责人"),
                Column("单位", width: 20),
            ],
            filters: try await ExportNames.describe(
                filter.query, labels: ActivityFilterWords.labels,
                words: [
                    "kind": ExportNames.words(ActivityKind.self) { $0.label(.zh) }, "dir": ExportNames.order,
                    "step": ["open": "未完成", "late": "已逾期"],
                ], request),
            chunk: { index in
                var page = filter
                page.page = index + 1
                let rows = try await ActivityList.rows(for: user, page, today: today, per: ExportTable.chunkSize, on: db)
                return rows.prefix(ExportTable.chunkSize).map { row -> [Cell] in
                    [
                        .day(row.occurredOn), .text(row.activityKind.label(.zh)), .text(row.counterpart), .text(row.city),
                        .text(row.outcome), .text(row.nextStep), .day(row.nextDue), .day(row.nextDoneOn),
                        .text(row.isLate(today: today) ? "逾期" : ""), .text(row.ownerName), .text(row.unitName),
                    ]
                }
            })
    }
}

enum WorkOrderFilterWords {
    static let labels: [String: String] = [
        "q": "关键词", "responsible": "责任单位", "status": "状态", "from": "提出日期自", "to": "提出日期至", "sort": "排序", "dir": "顺序",
    ]
}

enum ActivityFilterWords {
    static let labels: [String: String] = [
        "kind": "类型", "q": "关键词", "unit": "单位", "person": "负责人", "step": "下一步", "from": "日期自", "to": "日期至", "dir": "顺序",
    ]
}

extension ListExports {
    /// 企业库: the registry's words and filters, walked by id (`EnterpriseSearch.exportChunk`).
    static let enterprises = ListExport(resource: .enterprise) { request in
        let user = try request.requireUser()
        var asked = EnterpriseSearch(query: request.queryKeyword(), scope: user.scope, page: 1, per: ExportTable.chunkSize)
        asked.filter = try EnterpriseSearch.Filter(request)
        let search = asked
        let regions = try await JurisdictionNames.load(request)
        let db = request.db
        let cursor = ExportCursor<UUID>()
        var query = search.filter.query
        query["q"] = search.query
        return ExportTable(
            kind: "enterprises", title: "企业库",
            columns: [
                Column("企业名称", width: 30), Column("统一社会信用代码", width: 21), Column("法定代表人"), Column("行业", width: 24),
                Column("所在地区", width: 18), Column("注册资本（万元）", .amount), Column("招引企业"), Column("标签"), Column("曾用名", width: 24),
            ],
            filters: try await ExportNames.describe(query, labels: RegistryFilterWords.labels, request),
            chunk: { _ in
                let rows = try await search.exportChunk(after: cursor.last, limit: ExportTable.chunkSize, on: db)
                cursor.last = rows.last?.id
                return rows.map { entry -> [Cell] in
                    [
                        .text(entry.name), entry.uscc.map(Cell.text) ?? .empty, .text(entry.legalRepresentative),
                        .text(IndustryCodes.label(entry.industryCode)),
                        .text(regions[entry.regionCode].map { "\($0)（\(entry.regionCode)）" } ?? entry.regionCode),
                        .wan(entry.registeredCapital),
                        .text(entry.attracted ? "是" : "否"), .text(entry.tags.map { $0.label(.zh) }.joined(separator: "、")),
                        .text(entry.formerNames.joined(separator: "、")),
                    ]
                }
            })
    }
}

/// Where a keyset export stopped: the chunks are read one after another by one request.
final class ExportCursor<Key: Sendable>: @unchecked Sendable {
    var last: Key?
}

enum RegistryFilterWords {
    static let labels: [String: String] = [
        "q": "关键词", "region": "地区", "industry": "行业", "attracted": "招引企业", "min": "注册资本不低于（万元）", "max": "注册资本不高于（万元）",
        "sort": "排序", "dir": "顺序",
    ]
}

extension ListExports {
    /// 部门责任榜: one line a responsible unit, most overdue first, as the board shows it.
    static let accountabilityBoard = ListExport(resource: .workOrder) { request in
        let lines = try await WorkOrderList.board(request)
        return ExportTable(
            kind: "accountability-board", title: "部门责任榜",
            columns: [
                Column("责任单位", width: 24), Column("在办", .integer), Column("超期未答复", .integer), Column("超期答复", .integer),
                Column("已办结", .integer), Column("平均办结天数", .amount), Column("重办率", .percent), Column("满意率", .percent),
            ],
            filters: [],
            chunk: ExportTable.whole(
                lines.map { l -> [Cell] in
                    [
                        .text(l.unitName), .integer(l.line.open), .integer(l.line.overdue), .integer(l.line.late), .integer(l.line.closed),
                        l.line.averageDaysToCloseTenths.map { .number(Double($0) / 10) } ?? .empty,
                        l.line.reopenRatePermille.map { .number(Double($0) / 1000) } ?? .empty,
                        l.line.satisfactionPermille.map { .number(Double($0) / 1000) } ?? .empty,
                    ]
                }))
    }
}

extension ListExports {
    /// 我的待办: one's open next steps, soonest first, as the page lists them.
    static let todos = ListExport(resource: .activity) { request in
        let user = try request.requireUser()
        let today = request.clock.today
        let rows = try await ActivityList.todos(of: user.personID, on: request.db)
        return ExportTable(
            kind: "todos", title: "我的待办",
            columns: [
                Column("下一步时限", .date), Column("下一步", width: 30), Column("是否逾期"), Column("对象", width: 30), Column("活动日期", .date),
                Column("类型"), Column("成果", width: 40),
            ],
            filters: [("负责人", user.name)],
            chunk: ExportTable.whole(
                rows.map { row -> [Cell] in
                    [
                        .day(row.nextDue), .text(row.nextStep), .text(row.isLate(today: today) ? "逾期" : ""), .text(row.counterpart),
                        .day(row.occurredOn), .text(row.activityKind.label(.zh)), .text(row.outcome),
                    ]
                }))
    }
}
