import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// The work-order engine: submission (with routing rules), routing, 签收, answering, and the
/// requester's confirmation or reopening. Every step is version-checked, audited and on the
/// item's timeline.
struct WorkOrderService {
    let request: Request
    static let clock = WorkOrderClock()

    struct Input: Sendable {
        var kind: WorkOrderKind?
        var category: String
        var title: String
        var detail: String
        var projectID: UUID?
        var enterpriseName: String
        var quantityAsked: String
    }

    /// Checks the typed fields; what a person and an enterprise link submit alike.
    static func validate(_ input: Input) throws -> (WorkOrderKind, Input) {
        var clean = input
        var errors: [String: AppError.Message] = [:]
        func text(_ value: String, _ field: String, _ label: String, _ en: String, max: Int, required: Bool = false) -> String {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if required, trimmed.isEmpty { errors[field] = .required(label, en) }
            if trimmed.count > max || (field != "detail" && trimmed.hasControlCharacters) { errors[field] = .tooLong(label, en, max) }
            return trimmed
        }
        clean.title = text(input.title, "title", "事项标题", "The title", max: 80, required: true)
        clean.detail = text(input.detail, "detail", "具体内容", "The detail", max: 2_000, required: true)
        clean.enterpriseName = text(input.enterpriseName, "enterpriseName", "企业名称", "Enterprise", max: 80)
        clean.quantityAsked = text(input.quantityAsked, "quantityAsked", "申请数量", "Quantity asked", max: 40)
        clean.category = text(input.category, "category", "类别", "Category", max: 40)
        guard let kind = input.kind else {
            errors["kind"] = .init(zh: "请选择事项类型。", en: "Choose the kind.")
            throw AppError.validation(errors)
        }
        if kind == .factorRequest {
            if input.projectID == nil { errors["projectID"] = .init(zh: "要素保障须关联项目。", en: "A factor request belongs to a project.") }
            if FactorType(rawValue: clean.category) == nil { errors["category"] = .init(zh: "请选择要素类型。", en: "Choose the factor.") }
        }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        return (kind, clean)
    }

    /// A person's submission; a factor request names a project the person may see.
    func submit(_ input: Input) async throws -> WorkOrder {
        let user = try request.authorize(.write, .workOrder)
        var input = input
        if !AccessPolicy.worksInside(user.roles) {
            // from outside: no project, no factor, and an enterprise speaks in its registry name
            (input.projectID, input.category, input.quantityAsked, input.enterpriseName) = (nil, "", "", "")
            if user.roles.contains(.enterprise) {
                guard let enterprise = try await EnterpriseAccounts.enterprise(of: user.personID, on: request.db) else {
                    throw AppError(
                        code: "account_not_linked", status: .unprocessableEntity, zh: "该企业账号尚未关联企业，请联系投资促进局关联后再提出诉求。",
                        en: "This account is not yet tied to an enterprise; ask the bureau to tie it.")
                }
                input.enterpriseName = enterprise.name
            }
        }
        // a kind that is not the person's is refused before its fields are judged
        if let kind = input.kind, !AccessPolicy.kindsToSubmit(user.roles).contains(kind) {
            let zh = kind == .supervisionItem || kind == .reformItem ? "督查事项和改革事项由投促局提出。" : "您的账号不能提出这类事项。"
            throw AppError.field("kind", zh: zh, en: "This kind of item is not yours to submit.").with(
                code: "forbidden", status: .forbidden)
        }
        let (kind, clean) = try Self.validate(input)
        var enterpriseName = clean.enterpriseName
        if let projectID = clean.projectID {
            let project = try await ProjectService(request: request).find(projectID)
            if enterpriseName.isEmpty { enterpriseName = project.enterpriseName }
        }
        var filled = clean
        filled.enterpriseName = enterpriseName
        let ready = filled
        let scope = user.scope.value
        let (actor, millis, today) = (request.auditActor, request.clock.millis, request.clock.today)
        return try await request.writeTransaction { db in
            try await Self.create(
                kind, ready, jurisdiction: scope, requester: (user.personID, user.name), link: nil, today: today, actor: actor,
                millis: millis, on: db)
        }
    }

    /// Inserts the item with its number and deadline, routed at once when a rule names the unit.
    static func create(
        _ kind: WorkOrderKind, _ input: Input, jurisdiction: String, requester: (id: UUID?, name: String), link: UUID?,
        today: CivilDate, actor: AuditActor, millis: Int64, routeTo: UUID? = nil, on db: any Database
    ) async throws -> WorkOrder {
        let year = String(today.year)
        let serial = try await NumberSequence.next("GD-\(year)", on: db) {
            try await WorkOrder.query(on: db).filter(\.$number >= "GD-\(year)-").filter(\.$number < "GD-\(year)-~").count()
        }
        let order = WorkOrder()
        order.id = UUID()
        order.number = "GD-\(year)-" + String(repeating: "0", count: max(0, 6 - String(serial).count)) + String(serial)
        order.kind = kind
        order.category = input.category
        order.title = input.title
        order.detail = input.detail
        order.jurisdictionCode = jurisdiction
        order.projectID = input.projectID
        order.enterpriseName = input.enterpriseName
        order.quantityAsked = input.quantityAsked
        order.quantityGranted = ""
        order.requesterID = requester.id
        order.linkID = link
        order.requesterName = requester.name
        order.submittedOn = today.description
        order.deadline = clock.deadline(kind, submitted: today).description
        order.answer = ""
        order.answerEvidence = ""
        order.reopenCount = 0
        order.answeredLate = false
        order.version = 1
        let rule = try await RoutingRule.query(on: db).filter(\.$jurisdictionCode == jurisdiction).filter(\.$kind == kind)
            .filter(\.$category ~~ [input.category, ""]).sort(\.$category, .descending).first()
        order.responsibleUnitID = routeTo ?? rule?.unitID
        order.status = order.responsibleUnitID == nil ? .submitted : .routed
        try await order.create(on: db)
        try await event(order.id!, step: "submit", actor: requester.name, on: today, note: "", db: db)
        if let unit = order.responsibleUnitID {
            let sequence = try await event(
                order.id!, step: "route", actor: routeTo == nil ? "分办规则" : requester.name, on: today,
                note: try await unitName(unit, on: db), db: db)
            try await Notices.after(.route, order, sequence: sequence, at: millis, on: db)
        }
        try await AuditLog.append(
            on: db, by: actor, action: "workorder.submit", objectType: "work_order", objectID: order.id!.uuidString,
            after: WorkOrderDTO.Summary(order), at: millis)
        return order
    }

    @discardableResult
    static func event(_ order: UUID, step: String, actor: String, on day: CivilDate, note: String, db: any Database) async throws -> Int {
        let last = try await WorkOrderEvent.query(on: db).filter(\.$workOrderID == order).sort(\.$sequence, .descending).first()
        let event = WorkOrderEvent()
        event.id = UUID()
        event.workOrderID = order
        event.sequence = (last?.sequence ?? 0) + 1
        event.step = step
        event.actorName = actor
        event.onDate = day.description
        event.note = note
        try await event.create(on: db)
        return event.sequence
    }

    static func unitName(_ id: UUID, on db: any Database) async throws -> String {
        try await Unit.find(id, on: db)?.name ?? ""
    }

    /// The item, if the user may see it: the bureau, leaders and inspectors of its jurisdiction,
    /// the requester, and the responsible unit.
    /// What the route gate asks before a work-order route reads its body (`RouteGates`).
    static func installGate(_ app: Application) {
        app.objectGates.checks["workOrder"] = { request, id, _ in _ = try await WorkOrderService(request: request).find(id) }
    }

    func find(_ id: UUID) async throws -> WorkOrder {
        let user = try request.authorize(.read, .workOrder)
        guard let order = try await WorkOrder.find(id, on: request.db) else { throw AppError.notFound }
        var ties: AccessPolicy.Ties = []
        if (try? request.authorize(.read, .workOrder, in: order.jurisdictionCode)) != nil { ties.insert(.withinJurisdiction) }
        if order.requesterID == user.personID { ties.insert(.author) }
        if order.responsibleUnitID == user.unitID { ties.insert(.ownUnit) }
        guard AccessPolicy.may(user.roles, .readWorkOrder, ties: ties) else { throw AppError.notFound }
        return order
    }
}
