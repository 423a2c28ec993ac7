import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// The steps after submission. Who may take each: the bureau routes; the responsible unit signs
/// for, starts and answers; the requester confirms or reopens.
extension WorkOrderService {
    enum Actor: Sendable {
        case person
        /// An enterprise holding the item's one-time link.
        case link(UUID)
    }

    struct StepInput: Sendable {
        var step: WorkOrderMachine.Step
        var unitID: UUID? = nil
        var note: String = ""
        var evidence: String = ""
        var granted: String = ""
    }

    func take(_ id: UUID, _ input: StepInput, basedOn version: Int, as actor: Actor = .person) async throws -> WorkOrder {
        let order: WorkOrder
        var actorName = ""
        switch actor {
        case .person:
            order = try await find(id)
            let user = try request.authorize(.write, .workOrder)
            actorName = user.name
            try await checkRole(order, input, user: user)
        case .link(let linkID):
            guard let found = try await WorkOrder.find(id, on: request.db), found.linkID == linkID else { throw AppError.notFound }
            guard WorkOrderMachine.party(for: input.step) == .requester else { throw AppError.forbidden }
            order = found
            actorName = order.requesterName
        }
        _ = try VersionCheck.next(editing: version, current: order.version)
        let next: WorkOrderStatus
        do { next = try WorkOrderMachine.next(from: order.status, input.step) } catch {
            throw AppError(
                code: "step_not_allowed", status: .conflict, zh: "工单当前为“\(order.status.label(.zh))”，不能\(input.step.label)。",
                en: "The item is \(order.status.rawValue); \(input.step.rawValue) is not possible now.")
        }
        let note = input.note.trimmingCharacters(in: .whitespacesAndNewlines)
        let evidence = input.evidence.trimmingCharacters(in: .whitespacesAndNewlines)
        let granted = input.granted.trimmingCharacters(in: .whitespacesAndNewlines)
        try AppError.checkText(["note": note, "evidence": evidence, "granted": granted])
        if note.count > 1_000 { throw AppError.validation(["note": .tooLong("说明", "Note", 1_000)]) }
        if evidence.count > 200 { throw AppError.validation(["evidence": .tooLong("佐证", "Evidence", 200)]) }
        if granted.count > 40 { throw AppError.validation(["granted": .tooLong("落实数量", "Granted", 40)]) }
        var routedTo: String?
        switch input.step {
        case .route:
            guard let unitID = input.unitID, let unit = try await Unit.find(unitID, on: request.db), unit.dissolvedOn == nil,
                (try? request.authorize(.manage, .workOrder, in: unit.jurisdictionCode)) != nil
            else {
                throw AppError.field("unit", zh: "请选择本辖区内的责任单位。", en: "Choose a responsible unit of the jurisdiction.")
            }
            routedTo = unit.name
        case .answer:
            if note.isEmpty { throw AppError.field("note", zh: "请填写答复内容。", en: "Write the answer.") }
            if order.kind.answerNeedsEvidence, evidence.isEmpty {
                throw AppError.field(
                    "evidence", zh: "该类事项须附办理佐证（文号、照片存放处等）。", en: "This kind of item needs evidence of what was done.")
            }
        case .reopen:
            if note.isEmpty { throw AppError.field("note", zh: "请说明不满意的原因。", en: "Say why you are not satisfied.") }
        default: break
        }
        let (audit, millis, today) = (request.auditActor, request.clock.millis, request.clock.today)
        let step = input.step
        let (by, routed) = (actorName, routedTo)
        return try await request.writeTransaction { db in
            try await Versioned.claim(WorkOrder.schema, id: id, expected: version, on: db)
            guard let fresh = try await WorkOrder.find(id, on: db) else { throw AppError.notFound }
            let before = WorkOrderDTO.Summary(fresh)
            fresh.status = next
            switch step {
            case .route: fresh.responsibleUnitID = input.unitID
            case .answer:
                fresh.answer = note
                fresh.answerEvidence = evidence
                fresh.quantityGranted = granted
                fresh.answeredOn = today.description
                fresh.answeredLate =
                    CivilDate(fresh.deadline).map { Self.clock.isLate(deadline: $0, lastAnswer: today, today: today) } ?? false
            case .confirm:
                fresh.satisfied = true
                fresh.closedOn = today.description
                fresh.daysToClose = CivilDate(fresh.submittedOn).map { $0.days(until: today) }
            case .reopen:
                fresh.satisfied = false
                fresh.reopenCount += 1
            case .signFor, .start: break
            }
            try await fresh.update(on: db)
            if step == .confirm { try await WorkOrderTally.add(fresh, on: db) }
            let shown = [routed ?? "", note, evidence.isEmpty ? "" : "佐证：" + evidence, granted.isEmpty ? "" : "落实：" + granted]
            let sequence = try await Self.event(
                id, step: step.rawValue, actor: by, on: today, note: shown.filter { !$0.isEmpty }.joined(separator: "；"), db: db)
            try await Notices.after(step, fresh, sequence: sequence, at: millis, on: db)
            try await AuditLog.append(
                on: db, by: audit, action: "workorder.\(step.rawValue)", objectType: "work_order", objectID: id.uuidString,
                before: before, after: WorkOrderDTO.Summary(fresh), at: millis)
            return fresh
        }
    }

    /// Routing is the bureau's; 签收, starting and answering are the responsible unit's;
    /// confirming and reopening are the requester's.
    private func checkRole(_ order: WorkOrder, _ input: StepInput, user: CurrentUser) async throws {
        switch WorkOrderMachine.party(for: input.step) {
        case .bureau:
            _ = try request.authorize(.manage, .workOrder, in: order.jurisdictionCode)
        case .responsibleUnit:
            guard AccessPolicy.may(user.roles, .answerWorkOrder, ties: order.responsibleUnitID == user.unitID ? .ownUnit : []) else {
                throw AppError(
                    code: "not_responsible", status: .forbidden, zh: "只有责任单位可以签收和答复该事项。",
                    en: "Only the responsible unit signs for and answers this item.")
            }
        case .requester:
            guard AccessPolicy.may(user.roles, .confirmWorkOrder, ties: order.requesterID == user.personID ? .author : []) else {
                throw AppError(
                    code: "not_requester", status: .forbidden, zh: "只有提出人可以确认办理结果。", en: "Only the requester confirms the result.")
            }
        }
    }
}
