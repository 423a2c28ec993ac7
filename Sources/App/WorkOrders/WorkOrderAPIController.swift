import Domain
import Fluent
import FluentSQL
import Vapor

/// `/api/v1/work-orders`: the same engine as the pages.
struct WorkOrderAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get(APIRoute.workOrders.pattern, use: list)
        api.post(APIRoute.workOrders.pattern, use: create)
        api.post(APIRoute.workOrderCondense.pattern, use: condense)
        api.get(APIRoute.workOrderBoard.pattern, use: board)
        api.get(APIRoute.workOrder.pattern, use: show)
        api.post(APIRoute.workOrderSteps.pattern, use: step)
        api.get(APIRoute.notices.pattern, use: notices)
        api.get(APIRoute.linkage.pattern, use: linkage)
        api.post(APIRoute.linkage.pattern, use: addLinkage)
        api.post(APIRoute.linkageEnd.pattern, use: endLinkage)
        api.post(APIRoute.noticesRead.pattern, use: readNotices)
        api.post(APIRoute.projectParallelApproval.pattern, use: markParallel)
    }

    struct NoticeItem: Content {
        var id: UUID
        var kind: String
        var text: String
        var workOrderID: UUID?
        var createdAt: Int64
        var read: Bool
    }

    /// The caller's newest notices.
    func notices(_ request: Request) async throws -> [NoticeItem] {
        let user = try request.authorize(.read, .workOrder)
        return try await Notice.query(on: request.db).filter(\.$personID == user.personID).sort(\.$createdAt, .descending).limit(100)
            .all().map {
                NoticeItem(
                    id: $0.id!, kind: $0.kind, text: $0.text, workOrderID: $0.workOrderID, createdAt: $0.createdAt, read: $0.readAt != nil)
            }
    }

    struct LinkageItem: Content {
        var linkageID: UUID
        var leaderID: UUID
        var leaderName: String
        var enterpriseName: String
        var contactsThisMonth: Int
        var onSiteThisQuarter: Int
        var contactsShort: Int
        var onSiteShort: Int
        var behind: Bool
    }

    /// 包联 standing for a month (`month=2026-11`, default this month), for those who oversee.
    func linkage(_ request: Request) async throws -> [LinkageItem] {
        return try await LinkageStanding.read(request).lines.map {
            LinkageItem(
                linkageID: $0.linkageID, leaderID: $0.leaderID, leaderName: $0.leaderName, enterpriseName: $0.enterpriseName,
                contactsThisMonth: $0.contactsThisMonth,
                onSiteThisQuarter: $0.onSiteThisQuarter, contactsShort: $0.standing.contactsShort, onSiteShort: $0.standing.onSiteShort,
                behind: $0.standing.isBehind)
        }
    }

    struct LinkageBody: Content {
        var leaderID: UUID?
        var enterpriseName: String?
    }

    struct LinkageCreated: Content {
        var id: UUID
        var leaderID: UUID
        var enterpriseName: String
        var since: String
    }

    func addLinkage(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(LinkageBody.self)
        let link = try await LinkageService(request: request).add(leader: body.leaderID, enterpriseName: body.enterpriseName ?? "")
        return try Response.created(
            LinkageCreated(id: try link.requireID(), leaderID: link.leaderID, enterpriseName: link.enterpriseName, since: link.since))
    }

    func endLinkage(_ request: Request) async throws -> HTTPStatus {
        try await LinkageService(request: request).end(try request.idParameter())
        return .noContent
    }

    /// Marks all of the caller's notices read.
    func readNotices(_ request: Request) async throws -> HTTPStatus {
        let user = try request.authorize(.read, .workOrder)
        let now = request.clock.millis
        try await request.writeTransaction { db in try await Notices.markAllRead(user.personID, at: now, on: db) }
        return .noContent
    }

    /// 边建边办: only once the legally required approvals are closed factor requests of the project.
    func markParallel(_ request: Request) async throws -> HTTPStatus {
        try await ParallelApprovalService(request: request).mark(try request.idParameter())
        return .noContent
    }

    struct Item: Content {
        var id: UUID
        var number: String
        var kind: WorkOrderKind
        var title: String
        var status: WorkOrderStatus
        var deadline: String
        var late: Bool
        var reopenCount: Int
        var unitName: String?
    }

    func list(_ request: Request) async throws -> PageDTO<Item> {
        let user = try request.authorize(.read, .workOrder)
        let paging = try Paging(request, maxPer: 100)
        var view = AccessPolicy.seesWholeJurisdiction(user.roles) ? WorkOrderList.View.all : .todo
        if let raw = request.queryValue("view") {
            guard let parsed = WorkOrderList.View(rawValue: raw) else {
                throw AppError.field(
                    "view", zh: "view 应为 todo、mine、all、overdue 或 unrouted。", en: "view is todo, mine, all, overdue or unrouted.")
            }
            view = parsed
        }
        var kind: WorkOrderKind?
        if let raw = request.queryValue("kind") {
            guard let parsed = WorkOrderKind(rawValue: raw) else {
                throw AppError.field("kind", zh: "kind 不是已知的事项类型。", en: "Unknown kind.")
            }
            kind = parsed
        }
        let today = request.clock.today
        let filter = try WorkOrderList.Filter(request)
        let rows = try await WorkOrderList.rows(
            user, view, kind: kind, filter: filter, today: today, limit: paging.per + 1, offset: (paging.page - 1) * paging.per,
            on: request.db)
        let items = rows.prefix(paging.per).map {
            Item(
                id: $0.id, number: $0.number, kind: $0.kind, title: $0.title, status: $0.status, deadline: $0.deadline,
                late: $0.isLate(today: today), reopenCount: $0.reopenCount, unitName: $0.unitName)
        }
        let count = try await WorkOrderList.count(request, view, kind: kind, filter: filter)
        return PageDTO(items: Array(items), page: paging.page, per: paging.per, hasMore: rows.count > paging.per, count: count)
    }

    struct CreateBody: Content {
        var kind: String
        var category: String?
        var title: String
        var detail: String
        var projectID: UUID?
        var enterpriseName: String?
        var quantityAsked: String?
    }

    func create(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(CreateBody.self)
        let order = try await WorkOrderService(request: request).submit(
            .init(
                kind: WorkOrderKind(rawValue: body.kind), category: body.category ?? "", title: body.title, detail: body.detail,
                projectID: body.projectID, enterpriseName: body.enterpriseName ?? "", quantityAsked: body.quantityAsked ?? ""))
        return try Response.created(try await detail(request, order))
    }

    struct CondenseBody: Content {
        var letterIDs: [UUID]
        var title: String
        var detail: String
        var unitID: UUID?
    }

    /// 归并: supervisors' letters not yet routed become one suggestion forwarded to a unit.
    func condense(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(CondenseBody.self)
        let order = try await WorkOrderService(request: request).condense(
            .init(letters: body.letterIDs, title: body.title, detail: body.detail, unitID: body.unitID))
        return try Response.created(try await detail(request, order))
    }

    func show(_ request: Request) async throws -> WorkOrderDTO.Detail {
        try await detail(request, try await WorkOrderService(request: request).find(try request.idParameter()))
    }

    func detail(_ request: Request, _ order: WorkOrder) async throws -> WorkOrderDTO.Detail {
        let model = try await WorkOrderPage.model(request, order)
        return WorkOrderDTO.Detail(workOrder: model.order, late: model.late, escalation: model.escalation, events: model.events)
    }

    struct StepBody: Content {
        var version: Int
        var step: String
        var unitID: UUID?
        var note: String?
        var evidence: String?
        var granted: String?
    }

    func step(_ request: Request) async throws -> WorkOrderDTO.Detail {
        let body = try request.decodeForm(StepBody.self)
        guard let step = WorkOrderMachine.Step(rawValue: body.step) else {
            throw AppError.field("step", zh: "step 应为 route、signFor、start、answer、confirm 或 reopen。", en: "Unknown step.")
        }
        let order = try await WorkOrderService(request: request).take(
            try request.idParameter(),
            .init(step: step, unitID: body.unitID, note: body.note ?? "", evidence: body.evidence ?? "", granted: body.granted ?? ""),
            basedOn: body.version)
        return try await detail(request, order)
    }

    struct BoardLine: Content {
        var unitID: UUID
        var unitName: String
        var open: Int
        var overdue: Int
        var late: Int
        var closed: Int
        var averageDaysToClose: String?
        var reopenRate: String?
        var satisfaction: String?
    }

    func board(_ request: Request) async throws -> [BoardLine] {
        try await WorkOrderList.board(request).map { l in
            BoardLine(
                unitID: l.unitID, unitName: l.unitName, open: l.line.open, overdue: l.line.overdue, late: l.line.late,
                closed: l.line.closed,
                averageDaysToClose: l.line.averageDaysToCloseTenths.map { "\($0 / 10).\($0 % 10)" },
                reopenRate: l.line.reopenRatePermille.map { Percent.text(Int64($0)) },
                satisfaction: l.line.satisfactionPermille.map { Percent.text(Int64($0)) })
        }
    }
}
