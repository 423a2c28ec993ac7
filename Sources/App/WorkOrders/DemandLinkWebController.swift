import Domain
import Fluent
import FluentSQL
import Vapor

/// 投诉直通车: the bureau gives an enterprise a one-time link; through it the enterprise submits
/// one demand or complaint without an account, follows it, and confirms or reopens the answer.
/// Only the token's digest is stored; a second submission through the same link is refused.
struct DemandLinkWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.demandLinks.pattern, use: links)
        pages.post(SiteURL.demandLinks.pattern, use: create)
    }

    func registerPublic(_ web: any RoutesBuilder) {
        web.get(SiteURL.demand(SiteURL.anyToken).pattern, use: show)
        web.post(SiteURL.demand(SiteURL.anyToken).pattern, use: submit)
        web.post(SiteURL.demandConfirm(SiteURL.anyToken).pattern, use: confirm)
    }

    func links(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .workOrder)
        return .html(DemandLinkViews.links(FormState(), created: nil, context: PageContext(request: request)))
    }

    struct CreateBody: Content { var enterpriseName: String? }

    func create(_ request: Request) async throws -> Response {
        let name = try request.decodeForm(CreateBody.self).enterpriseName ?? ""
        do {
            let (link, url) = try await WorkOrderSettings(request: request).issueLink(enterpriseName: name)
            return .html(DemandLinkViews.links(FormState(), created: (link.enterpriseName, url), context: PageContext(request: request)))
        } catch let error as AppError where error.status == .unprocessableEntity {
            return .html(
                DemandLinkViews.links(
                    FormState(values: ["enterpriseName": name], error: error), created: nil, context: PageContext(request: request)),
                status: error.status)
        }
    }

    /// The link's record, or a clear 404 for a token that was never issued.
    private func link(_ request: Request) async throws -> DemandLink {
        guard let token = request.parameters.get("token"), token.count <= 64,
            let link = try await DemandLink.query(on: request.db).filter(\.$tokenHash == Secrets.digest(token)).first()
        else {
            throw AppError(code: "link_invalid", status: .notFound, zh: "该链接无效，请向投资促进局索取新的链接。", en: "This link is not valid.")
        }
        return link
    }

    func show(_ request: Request) async throws -> Response {
        try await render(request, try await link(request), FormState())
    }

    private func render(_ request: Request, _ link: DemandLink, _ form: FormState, status: HTTPResponseStatus = .ok) async throws
        -> Response
    {
        let csrf = request.formToken
        var order: WorkOrder?
        var events: [WorkOrderEvent] = []
        if let id = link.workOrderID {
            order = try await WorkOrder.find(id, on: request.db)
            events = try await WorkOrderEvent.query(on: request.db).filter(\.$workOrderID == id).sort(\.$sequence).all()
        }
        let page = DemandLinkViews.page(
            enterpriseName: link.enterpriseName, token: request.parameters.get("token") ?? "", order: order.map(WorkOrderDTO.Summary.init),
            events: events.map {
                WorkOrderDTO.Event(sequence: $0.sequence, step: $0.step, actorName: $0.actorName, onDate: $0.onDate, note: $0.note)
            }, csrf: csrf, form: form,
            today: request.clock.today, context: PageContext(request: request))
        let response = Response.html(page, status: status)
        return response.carrying(formToken: csrf, for: request)
    }

    struct SubmitBody: Content {
        var kind: String?
        var title: String?
        var detail: String?
    }

    func submit(_ request: Request) async throws -> Response {
        let link = try await link(request)
        let body = try request.decodeForm(SubmitBody.self)
        let values = ["kind": body.kind ?? "", "title": body.title ?? "", "detail": body.detail ?? ""]
        let kind = body.kind.flatMap(WorkOrderKind.init(rawValue:)).flatMap { [.enterpriseDemand, .complaint].contains($0) ? $0 : nil }
        let input = WorkOrderService.Input(
            kind: kind, category: "", title: body.title ?? "", detail: body.detail ?? "", projectID: nil,
            enterpriseName: link.enterpriseName,
            quantityAsked: "")
        do {
            guard link.workOrderID == nil else { throw Self.spent }
            let (valid, clean) = try WorkOrderService.validate(input)
            let (actor, millis, today) = (request.auditActor, request.clock.millis, request.clock.today)
            let linkID = link.id!
            let (scope, name) = (link.jurisdictionCode, link.enterpriseName)
            try await request.writeTransaction { db in
                let order = try await WorkOrderService.create(
                    valid, clean, jurisdiction: scope, requester: (nil, name), link: linkID, today: today, actor: actor, millis: millis,
                    on: db)
                // the link is spent by the first submission that claims it; a second one is refused
                let claimed = try await db.sql.raw(
                    "UPDATE demand_links SET work_order_id = \(bind: order.id!) WHERE id = \(bind: linkID) AND work_order_id IS NULL RETURNING id"
                ).all()
                if claimed.isEmpty { throw Self.spent }
            }
            return request.redirect(to: request.url.path)
        } catch let error as AppError {
            return try await render(request, try await self.link(request), FormState(values: values, error: error), status: error.status)
        }
    }

    static let spent = AppError(
        code: "link_used", status: .gone, zh: "该链接已提交过一次诉求，不能再次提交；请在下方查看办理进度。",
        en: "This link has been used; follow the item below.")

    struct ConfirmBody: Content {
        var version: Int?
        var satisfied: String?
        var note: String?
    }

    func confirm(_ request: Request) async throws -> Response {
        let link = try await link(request)
        guard let orderID = link.workOrderID else { throw AppError.notFound }
        let body = try request.decodeForm(ConfirmBody.self)
        let step: WorkOrderMachine.Step = body.satisfied == "1" ? .confirm : .reopen
        do {
            _ = try await WorkOrderService(request: request).take(
                orderID, .init(step: step, note: body.note ?? ""), basedOn: body.version ?? 0, as: .link(link.id!))
            return request.redirect(to: SiteURL.demand(request.parameters.get("token") ?? "").path)
        } catch let error as AppError {
            return try await render(request, link, FormState(values: ["note": body.note ?? ""], error: error), status: error.status)
        } catch let conflict as VersionConflict {
            return try await render(
                request, link, FormState(values: ["note": body.note ?? ""], error: .conflict(conflict)), status: .conflict)
        }
    }
}
