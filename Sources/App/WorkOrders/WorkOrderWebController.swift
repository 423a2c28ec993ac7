import Domain
import Fluent
import FluentSQL
import Vapor

/// Work-order pages: the lists, the submission form, an item with its timeline and the step
/// forms for whoever's turn it is, and the department accountability board.
struct WorkOrderWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.workOrders.pattern, use: list)
        pages.post(SiteURL.workOrders.pattern, use: submit)
        pages.get(SiteURL.workOrderNew.pattern, use: newForm)
        pages.get(SiteURL.workOrderBoard.pattern, use: board)
        pages.post(SiteURL.workOrderCondense.pattern, use: condense)
        pages.get(SiteURL.workOrder(SiteURL.anyID).pattern, use: show)
        pages.post(SiteURL.workOrderStep(SiteURL.anyID).pattern, use: step)
        DemandLinkWebController().register(pages)
        LinkageWebController().register(pages)
        InboxWebController().register(pages)
        WebhookWebController().register(pages)
        pages.post(SiteURL.projectParallel(SiteURL.anyID).pattern, use: markParallelApproval)
        RoutingRuleWebController().register(pages)
    }

    /// 边建边办 from the project's page: a refusal re-renders that page with the approvals missing.
    func markParallelApproval(_ request: Request) async throws -> Response {
        try await ProjectWebController().act(request) { _, id in try await ParallelApprovalService(request: request).mark(id) }
    }

    func list(_ request: Request) async throws -> Response {
        try await list(request, view: nil)
    }

    private func list(_ request: Request, view chosen: WorkOrderList.View?, condensing: FormState = FormState(), checked: Set<String> = [])
        async throws -> Response
    {
        let user = try request.authorize(.read, .workOrder)
        let oversees = AccessPolicy.seesWholeJurisdiction(user.roles)
        let view = try chosen ?? WorkOrderList.View.asked(request)
        let today = request.clock.today
        // fifty a page, as a cadre reads them; one more tells whether there is a next page
        let page = try request.queryPage()
        let kind = try request.queryChoice("kind", WorkOrderKind.self)
        let filter = try WorkOrderList.Filter(request)
        let rows = try await WorkOrderList.rows(
            user, view, kind: kind, filter: filter, today: today, limit: 51, offset: (page - 1) * 50, on: request.db)
        let count =
            page == 1 && rows.count <= 50 ? rows.count : try await WorkOrderList.count(request, view, kind: kind, filter: filter)
        let condense =
            view == .unrouted && request.may(.manage, .workOrder) && rows.contains { $0.kind == .supervisorLetter }
            ? WorkOrderViews.Condense(units: try await WorkOrderPage.unitOptions(request), form: condensing, checked: checked) : nil
        let model = WorkOrderListView.Model(
            rows: Array(rows.prefix(50)), view: view, kind: kind, filter: filter, count: count, page: page, hasMore: rows.count > 50,
            today: today, units: oversees ? try await WorkOrderPage.unitOptions(request) : [], condense: condense)
        return .html(
            WorkOrderListView.render(model, context: PageContext(request: request)),
            status: condensing.banner == nil ? .ok : .unprocessableEntity)
    }

    struct CondenseBody: Content {
        var letters: [String]?
        var title: String?
        var detail: String?
        var unit: String?
    }

    func condense(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(CondenseBody.self)
        let letters = body.letters ?? []
        do {
            let order = try await WorkOrderService(request: request).condense(
                .init(
                    letters: letters.compactMap(UUID.init(uuidString:)), title: body.title ?? "", detail: body.detail ?? "",
                    unitID: body.unit.flatMap(UUID.init(uuidString:))))
            return request.redirect(to: SiteURL.workOrder(order.id!).path)
        } catch let error as AppError where error.status == .unprocessableEntity {
            let values = ["title": body.title ?? "", "detail": body.detail ?? "", "unit": body.unit ?? ""]
            return try await list(request, view: .unrouted, condensing: FormState(values: values, error: error), checked: Set(letters))
        }
    }

    func newForm(_ request: Request) async throws -> Response {
        let user = try request.authorize(.write, .workOrder)
        var values = ["kind": request.queryValue("kind") ?? AccessPolicy.kindsToSubmit(user.roles).first?.rawValue ?? ""]
        if let project = request.queryValue("project"), let id = UUID(uuidString: project) {
            let found = try await ProjectService(request: request).find(id)
            values["projectID"] = id.uuidString
            values["enterpriseName"] = found.enterpriseName
            values["kind"] = "factorRequest"
        }
        return .html(
            WorkOrderForms.new(FormState(values: values), speaksFor: try await speaksFor(request), context: PageContext(request: request)))
    }

    /// The registry name an enterprise's account submits in.
    private func speaksFor(_ request: Request) async throws -> String? {
        let user = try request.requireUser()
        guard user.roles.contains(.enterprise) else { return nil }
        return try await EnterpriseAccounts.enterprise(of: user.personID, on: request.db)?.name
    }

    struct Body: Content {
        var kind: String?
        var category: String?
        var title: String?
        var detail: String?
        var projectID: String?
        var enterpriseName: String?
        var quantityAsked: String?
    }

    func submit(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(Body.self)
        let values = [
            "kind": body.kind ?? "", "category": body.category ?? "", "title": body.title ?? "", "detail": body.detail ?? "",
            "projectID": body.projectID ?? "", "enterpriseName": body.enterpriseName ?? "", "quantityAsked": body.quantityAsked ?? "",
        ]
        do {
            let order = try await WorkOrderService(request: request).submit(Self.input(body))
            return request.redirect(to: SiteURL.workOrder(order.id!).path)
        } catch let error as AppError where error.status != .notFound && error.status != .forbidden {
            return .html(
                WorkOrderForms.new(
                    FormState(values: values, error: error), speaksFor: try await speaksFor(request), context: PageContext(request: request)
                ),
                status: error.status)
        }
    }

    static func input(_ body: Body) -> WorkOrderService.Input {
        WorkOrderService.Input(
            kind: body.kind.flatMap(WorkOrderKind.init(rawValue:)), category: body.category ?? "", title: body.title ?? "",
            detail: body.detail ?? "", projectID: body.projectID.flatMap(UUID.init(uuidString:)), enterpriseName: body.enterpriseName ?? "",
            quantityAsked: body.quantityAsked ?? "")
    }

    func show(_ request: Request) async throws -> Response {
        let order = try await WorkOrderService(request: request).find(try request.idParameter())
        return .html(WorkOrderViews.show(try await WorkOrderPage.model(request, order), context: PageContext(request: request)))
    }

    struct StepBody: Content {
        var version: Int?
        var step: String?
        var unit: String?
        var note: String?
        var evidence: String?
        var granted: String?
    }

    func step(_ request: Request) async throws -> Response {
        let id = try request.idParameter()
        let body = try request.decodeForm(StepBody.self)
        let service = WorkOrderService(request: request)
        do {
            guard let step = body.step.flatMap(WorkOrderMachine.Step.init(rawValue:)) else {
                throw AppError.field("step", zh: "请选择操作。", en: "Choose a step.")
            }
            _ = try await service.take(
                id,
                .init(
                    step: step, unitID: body.unit.flatMap(UUID.init(uuidString:)), note: body.note ?? "", evidence: body.evidence ?? "",
                    granted: body.granted ?? ""), basedOn: body.version ?? 0)
            return request.redirect(to: SiteURL.workOrder(id).path)
        } catch let error as AppError where error.status != .notFound {
            return try await refused(request, id, error, body)
        } catch let conflict as VersionConflict {
            return try await refused(request, id, .conflict(conflict), body)
        }
    }

    private func refused(_ request: Request, _ id: UUID, _ error: AppError, _ body: StepBody) async throws -> Response {
        var model = try await WorkOrderPage.model(request, try await WorkOrderService(request: request).find(id))
        model.error = ProjectShowView.message(error)
        model.form = FormState(
            values: ["note": body.note ?? "", "evidence": body.evidence ?? "", "granted": body.granted ?? ""], error: error)
        return .html(WorkOrderViews.show(model, context: PageContext(request: request)), status: error.status)
    }

    func board(_ request: Request) async throws -> Response {
        .html(WorkOrderViews.board(try await WorkOrderList.board(request), context: PageContext(request: request)))
    }
}
